"""Forum data: categories, topics and their posts, and what members do with them.

Authors are kept with `on_delete=SET_NULL`, so a deleted account leaves its posts readable under
"former member". Counters and the last activity time are stored on the topic (updated by services),
so topic lists never count posts per row.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from taggit.managers import TaggableManager


class Status(models.TextChoices):
    """Where a topic or a post stands: one enum for both, since a topic's status is its question's.

    Only topics are ever merged (their posts move to the other topic). Who may see each status is
    decided in lodestar.permissions.forum, by object and by queryset.
    """

    PUBLISHED = "published", "Published"
    PENDING = "pending", "Waiting for approval"
    HIDDEN = "hidden", "Hidden by a moderator"
    DELETED = "deleted", "Deleted by its author"
    MERGED = "merged", "Merged into another topic"


class Category(models.Model):
    """A place for one kind of discussion, with who may read it and who may write in it."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", "Everyone, including visitors"
        MEMBERS = "members", "Members only"

    class Writers(models.TextChoices):
        MEMBERS = "members", "Members"
        MODERATORS = "moderators", "Moderators only"

    class Colour(models.TextChoices):
        # Named colours rendered by classes in forum.css (the CSP forbids inline styles); each is
        # dark enough for white text at WCAG AA contrast.
        TEAL = "teal", "Teal"
        BLUE = "blue", "Blue"
        PURPLE = "purple", "Purple"
        RED = "red", "Red"
        ORANGE = "orange", "Orange"
        GREEN = "green", "Green"
        SLATE = "slate", "Slate"

    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(max_length=500, blank=True)
    colour = models.CharField(max_length=10, choices=Colour.choices, default=Colour.TEAL)
    sort_order = models.PositiveSmallIntegerField(default=0)
    visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC)
    who_may_start_topics = models.CharField(max_length=12, choices=Writers.choices, default=Writers.MEMBERS)
    who_may_reply = models.CharField(max_length=12, choices=Writers.choices, default=Writers.MEMBERS)
    sectors = models.ManyToManyField(
        "vocabularies.Sector",
        blank=True,
        related_name="forum_categories",
        help_text="The library's sectors its discussions are about, if any: a search for a sector's name "
        "then finds them, and the search page's sector filter includes them.",
    )

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forum:category", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC


class Topic(models.Model):
    """A question or discussion: its first post is the question, the others are replies."""

    Status = Status

    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="topics")
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, allow_unicode=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_topics",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PUBLISHED)
    created_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now)
    last_position = models.PositiveIntegerField(default=0, help_text="Position of the newest post.")
    reply_count = models.PositiveIntegerField(default=0, help_text="Published replies.")
    is_locked = models.BooleanField(default=False)
    is_pinned = models.BooleanField(default=False)
    accepted_post = models.ForeignKey(
        "Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_topics"
    )
    page = models.OneToOneField(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="discussion_topic",
        help_text="The library page this topic discusses.",
    )
    tags = TaggableManager(blank=True, help_text="Comma-separated keywords.")

    class Meta:
        ordering = ["-is_pinned", "-last_activity_at"]
        indexes = [
            models.Index(fields=["category", "status", "-is_pinned", "-last_activity_at"]),
            models.Index(fields=["status", "-last_activity_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.title)[:200] or "topic"
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("forum:topic", kwargs={"pk": self.pk, "slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Post(models.Model):
    """The question that opens a topic, or a reply. Markdown in, sanitised HTML stored alongside."""

    Status = Status

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts")
    position = models.PositiveIntegerField(help_text="1 for the question, then in order of writing.")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_posts",
    )
    body = models.TextField(help_text="Markdown, as written.")
    body_html = models.TextField(help_text="Sanitised HTML rendered from the Markdown.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PUBLISHED)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    moderation_reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["topic", "position"]
        constraints = [models.UniqueConstraint(fields=["topic", "position"], name="unique_post_position")]
        indexes = [
            models.Index(fields=["author", "-created_at"]),
            models.Index(fields=["status", "created_at"], name="forum_post_pending_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.topic} #{self.position}"

    def get_absolute_url(self) -> str:
        return reverse("forum:post", kwargs={"pk": self.pk})

    @property
    def is_first(self) -> bool:
        return self.position == 1

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class PostRevision(models.Model):
    """The text of a post before an edit, so readers can see what changed."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Revision of {self.post_id} at {self.created_at:%Y-%m-%d %H:%M}"


class Reaction(models.Model):
    """A member's quick response to a post: one of a small fixed set, once per kind."""

    class Kind(models.TextChoices):
        THANKS = "thanks", "Thanks"
        HELPFUL = "helpful", "Helpful"
        AGREE = "agree", "Agree"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user", "kind"], name="one_reaction_per_kind")]

    def __str__(self) -> str:
        return f"{self.kind} on post {self.post_id}"


class TopicReadState(models.Model):
    """How far a member has read a topic, for "new posts" marks and jumping to the first unread."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="read_states")
    last_read_position = models.PositiveIntegerField(default=0)
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="one_read_state")]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.topic_id} to {self.last_read_position}"


class TopicWatch(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="watches")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="one_topic_watch")]

    def __str__(self) -> str:
        return f"{self.user_id} watches topic {self.topic_id}"


class CategoryWatch(models.Model):
    """Watching a category means hearing of each new topic in it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="watches")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "category"], name="one_category_watch")]

    def __str__(self) -> str:
        return f"{self.user_id} watches category {self.category_id}"


class NotificationPreference(models.Model):
    """What a member wants to hear about by email; in-app notifications always appear."""

    class EmailFrequency(models.TextChoices):
        IMMEDIATE = "immediate", "Soon after it happens (several events in one email)"
        DAILY = "daily", "Once a day, in a digest"
        NEVER = "never", "Never"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_preferences"
    )
    email_frequency = models.CharField(
        "email me", max_length=10, choices=EmailFrequency.choices, default=EmailFrequency.IMMEDIATE
    )
    email_replies = models.BooleanField("replies in topics I watch", default=True)
    email_new_topics = models.BooleanField("new topics in categories I watch", default=True)
    email_mentions = models.BooleanField("when someone mentions me", default=True)
    email_accepted = models.BooleanField("when my reply is accepted as the answer", default=True)
    email_moderation = models.BooleanField("moderation decisions about my posts", default=True)
    watch_own_topics = models.BooleanField("watch topics I start or reply to", default=True)

    def __str__(self) -> str:
        return f"Forum notification settings of {self.user_id}"


class Notification(models.Model):
    """Something a member should know about; shown in-app and, per preference, emailed."""

    class Kind(models.TextChoices):
        REPLY = "reply", "Reply"
        NEW_TOPIC = "new_topic", "New topic"
        MENTION = "mention", "Mention"
        ACCEPTED = "accepted", "Accepted answer"
        MODERATION = "moderation", "Moderation"
        SAVED_SEARCH = "saved_search", "Saved search"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_notifications"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    message = models.CharField(max_length=300)
    # Where a notification about something outside the forum leads (a saved search's new matches).
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    # Set when this notification was emailed, or when the member's preferences said not to email it.
    email_handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # A task that runs twice must not notify twice about the same post.
            models.UniqueConstraint(
                fields=["recipient", "kind", "post"],
                condition=Q(post__isnull=False),
                name="one_notification_per_post_and_kind",
            )
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at"]),
            models.Index(
                fields=["recipient"], condition=Q(read_at=None), name="forum_notification_unread_idx"
            ),
            models.Index(
                fields=["created_at"], condition=Q(email_handled_at=None), name="forum_notification_mail_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.message


class NotificationOutbox(models.Model):
    """A user action that others must hear about, recorded in the action's own transaction.

    The notifications themselves are worked out later by the worker (who watches, who is mentioned,
    who may read it). Recording the event with the action means a broker outage delays them but
    never loses them: the row stays pending until a task or the periodic drain delivers it, and
    delivery marks it done in the transaction that creates the notifications (forum.notifications).
    """

    class Event(models.TextChoices):
        POST_PUBLISHED = "post_published", "Post published"
        ANSWER_ACCEPTED = "answer_accepted", "Answer accepted"

    # One row per event and post (e.g. "post_published:42"): recording it again re-arms that row.
    key = models.CharField(max_length=80, unique=True)
    event = models.CharField(max_length=20, choices=Event.choices)
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "notification outbox entry"
        verbose_name_plural = "notification outbox"
        indexes = [
            models.Index(
                fields=["id"],
                condition=Q(done_at=None, failed_at=None),
                name="forum_notif_outbox_pending_idx",
            )
        ]

    def __str__(self) -> str:
        return self.key


class Flag(models.Model):
    """A member's report that a post breaks the rules, for moderators to decide on."""

    class Reason(models.TextChoices):
        SPAM = "spam", "Spam or advertising"
        OFFENSIVE = "offensive", "Rude, abusive or offensive"
        OFF_TOPIC = "off_topic", "Off topic"
        MISINFORMATION = "misinformation", "Misleading or false"
        OTHER = "other", "Something else"

    class Resolution(models.TextChoices):
        OPEN = "open", "Waiting for a moderator"
        UPHELD = "upheld", "Upheld: the post was hidden"
        DISMISSED = "dismissed", "Dismissed"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags")
    flagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(max_length=20, choices=Reason.choices)
    detail = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolution = models.CharField(max_length=10, choices=Resolution.choices, default=Resolution.OPEN)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "flagged_by"], condition=Q(resolution="open"), name="one_open_flag_per_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} on post {self.post_id}"


class Suspension(models.Model):
    """A member barred from writing in the forum until `ends_at`."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_suspensions"
    )
    suspended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(max_length=500)
    starts_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField()
    lifted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return f"{self.user_id} until {self.ends_at:%Y-%m-%d}"


class ModerationLogEntry(models.Model):
    """One moderator action, kept for accountability; only moderators read the log."""

    class Action(models.TextChoices):
        APPROVE = "approve", "Approved a post"
        HIDE = "hide", "Hid a post"
        UNHIDE = "unhide", "Made a post visible again"
        LOCK = "lock", "Locked a topic"
        UNLOCK = "unlock", "Unlocked a topic"
        PIN = "pin", "Pinned a topic"
        UNPIN = "unpin", "Unpinned a topic"
        MOVE = "move", "Moved a topic"
        MERGE = "merge", "Merged topics"
        SUSPEND = "suspend", "Suspended a member"
        LIFT = "lift", "Lifted a suspension"
        DISMISS_FLAG = "dismiss_flag", "Dismissed a flag"
        EDIT = "edit", "Edited someone else's post"

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    detail = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "moderation log entries"

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.created_at:%Y-%m-%d %H:%M})"
