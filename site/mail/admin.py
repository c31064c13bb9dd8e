"""Administrators see the outbox in the Django admin, failed emails first to hand.

/django-admin/mail/outgoingemail/?status=failed lists what the mail server refused for good or
too often, with the error; "Send again" puts the chosen ones back in the queue.
"""

from django.contrib import admin, messages
from django.db.models import Q

from .models import OutgoingEmail
from .services import email_retry


class StatusFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("failed", "Failed"), ("pending", "Pending"), ("sent", "Sent")]

    def queryset(self, request, queryset):
        conditions = {
            "failed": Q(failed_at__isnull=False, sent_at=None),
            "pending": Q(failed_at=None, sent_at=None),
            "sent": Q(sent_at__isnull=False),
        }
        value = self.value()
        return queryset.filter(conditions[value]) if value in conditions else queryset


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = ["subject", "recipients", "status", "attempts", "created_at", "failed_at", "last_error"]
    list_filter = [StatusFilter]
    search_fields = ["subject", "to"]
    ordering = ["-created_at"]
    actions = ["send_again"]
    readonly_fields = [f.name for f in OutgoingEmail._meta.fields]

    @admin.display(description="to")
    def recipients(self, email: OutgoingEmail) -> str:
        return ", ".join(email.to)

    def has_add_permission(self, request) -> bool:
        return False  # emails are written by the code that causes them

    @admin.action(description="Send again")
    def send_again(self, request, queryset):
        count = email_retry(email_ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(request, f"{count} email(s) queued again.", messages.SUCCESS)
