"""The outbox in the Wagtail admin (Settings > Outgoing email), for administrators only.

Read-only: emails are written by the code that causes them. The failed ones (refused for good,
or too often), with the mail server's answer: /admin/outgoing_email/?failed_at__isnull=false
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from lodestar.members.models import User
from lodestar.permissions import can_view_outgoing_email

from .models import OutgoingEmail


class OutboxPermissionPolicy(BasePermissionPolicy):
    """Asks lodestar.permissions; only viewing is ever allowed."""

    def user_has_permission(self, user, action):
        return action == "view" and can_view_outgoing_email(user)

    def users_with_any_permission(self, actions):
        users = [u.pk for u in User.objects.filter(is_active=True) if can_view_outgoing_email(u)]
        return User.objects.filter(pk__in=users) if "view" in actions else User.objects.none()


class OutgoingEmailViewSet(ModelViewSet):
    model = OutgoingEmail
    icon = "mail"
    menu_label = _("Outgoing email")
    add_to_settings_menu = True
    inspect_view_enabled = True
    list_display = ["subject", "to", "status", "attempts", "created_at", "failed_at", "last_error"]
    list_filter = {"failed_at": ["isnull"], "sent_at": ["isnull"]}
    search_fields = ["subject"]
    ordering = ["-created_at"]
    form_fields = []  # no add or edit view is ever allowed (see the permission policy)


register_permission_policy(OutgoingEmail, OutboxPermissionPolicy(OutgoingEmail))


@hooks.register("register_admin_viewset")
def register_outgoing_email_viewset():
    return OutgoingEmailViewSet("outgoing_email")
