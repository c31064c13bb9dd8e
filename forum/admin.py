"""Django-admin views of the forum's records for administrators (categories live in the Wagtail admin)."""

from django.contrib import admin

from .models import Flag, ModerationLogEntry, NotificationOutbox, Post, Suspension, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["title", "category", "status", "is_pinned", "is_locked", "last_activity_at"]
    list_filter = ["category", "status"]
    raw_id_fields = ["author", "accepted_post", "merged_into", "page"]
    search_fields = ["title"]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["topic", "position", "author", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["topic", "author"]
    readonly_fields = ["body_html"]


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    list_display = ["post", "reason", "resolution", "created_at"]
    raw_id_fields = ["post", "flagged_by", "resolved_by"]


@admin.register(Suspension)
class SuspensionAdmin(admin.ModelAdmin):
    list_display = ["user", "starts_at", "ends_at", "lifted_at"]
    raw_id_fields = ["user", "suspended_by"]


@admin.register(ModerationLogEntry)
class ModerationLogEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "moderator", "action", "topic", "detail"]

    def has_change_permission(self, request, obj=None):
        return False  # the log is a record: nobody edits it

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(NotificationOutbox)
class NotificationOutboxAdmin(admin.ModelAdmin):
    """Operators see what waits to be delivered and what failed (with its error).

    Clearing `failed_at` of an entry puts it back in line for the next drain.
    """

    list_display = ["key", "event", "created_at", "attempts", "done_at", "failed_at", "last_error"]
    list_filter = [
        "event",
        ("done_at", admin.EmptyFieldListFilter),
        ("failed_at", admin.EmptyFieldListFilter),
    ]
    raw_id_fields = ["post", "actor"]
    readonly_fields = ["key", "event", "post", "actor", "created_at", "attempts", "done_at", "last_error"]
