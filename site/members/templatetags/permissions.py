"""`{% can "can_edit_post" post as may_edit %}`: templates ask the permission module, never decide."""

from django import template

from lodestar import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, action: str, obj=None) -> bool:
    if action not in permissions.__all__ or not action.startswith(("can_", "is_")):
        raise template.TemplateSyntaxError(f"{action!r} is not a function of lodestar.permissions")
    check = getattr(permissions, action)
    user = context["request"].user
    return check(user) if obj is None else check(user, obj)
