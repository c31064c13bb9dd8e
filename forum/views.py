"""Forum pages. Thin: permissions from lodestar.permissions, reads in selectors, writes in services.

Anything a person may not see answers 404 (not 403), so members-only and hidden content does not
reveal that it exists.
"""

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit
from wagtail.models import Page

from lodestar.languages import in_language
from lodestar.members.models import User
from lodestar.members.selectors import preferred_language
from lodestar.permissions import (
    can_accept_answer,
    can_delete_post,
    can_edit_post,
    can_flag_post,
    can_follow_merged_topic,
    can_moderate,
    can_react,
    can_reply,
    can_start_topic,
    can_suspend,
    can_view_category,
    can_view_notifications,
    can_view_post,
    can_view_post_history,
    can_view_topic,
    can_watch,
    is_moderator,
    is_suspended,
)
from lodestar.permissions.http import deny, permission_required

from . import notifications, selectors, services
from .forms import (
    FlagForm,
    MergeForm,
    MoveForm,
    PostEditForm,
    PreferencesForm,
    ReasonForm,
    ReplyForm,
    SuspendForm,
    TopicForm,
)
from .models import Category, Flag, Notification, Post, Reaction, Suspension, Topic
from .notification_texts import actor_name
from .rendering import quote_markdown


def _topic_rate(group, request):
    return None if is_moderator(request.user) else settings.FORUM_TOPIC_RATE


def _reply_rate(group, request):
    return None if is_moderator(request.user) else settings.FORUM_REPLY_RATE


def _paginate(request, queryset, per_page: int):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def _visible_category(request, slug: str) -> Category:
    category = get_object_or_404(Category, slug=slug)
    if not can_view_category(request.user, category):
        raise Http404("No such category")
    return category


def _visible_topic(request, pk: int) -> Topic:
    topic = selectors.topic_by_pk(pk)
    if topic is None or not can_view_topic(request.user, topic):
        raise Http404("No such topic")
    return topic


def _visible_post(request, pk: int) -> Post:
    post = get_object_or_404(Post.objects.select_related("topic__category", "author__profile"), pk=pk)
    if not can_view_post(request.user, post):
        raise Http404("No such post")
    return post


def _post_url(post: Post, user) -> str:
    page = selectors.post_page_number(post, user)
    query = f"?page={page}" if page > 1 else ""
    return f"{post.topic.get_absolute_url()}{query}#post-{post.position}"


# --- Reading ---------------------------------------------------------------------------------


def index(request):
    topics = _paginate(request, selectors.topics_for(request.user), settings.FORUM_TOPICS_PER_PAGE)
    return render(
        request,
        "forum/index.html",
        {"categories": selectors.categories_with_counts(request.user), "topics": topics},
    )


def category_detail(request, slug):
    category = _visible_category(request, slug)
    topics = _paginate(
        request, selectors.topics_for(request.user, category=category), settings.FORUM_TOPICS_PER_PAGE
    )
    return render(
        request,
        "forum/category_detail.html",
        {
            "category": category,
            "topics": topics,
            "watching": selectors.is_watching_category(category, request.user),
        },
    )


def tag_detail(request, slug):
    topics = _paginate(request, selectors.topics_for(request.user, tag=slug), settings.FORUM_TOPICS_PER_PAGE)
    return render(request, "forum/tag_detail.html", {"tag": slug, "topics": topics})


def topic_detail(request, pk, slug=None):
    topic = selectors.topic_by_pk(pk)
    if topic is not None and topic.status == Topic.Status.MERGED:
        # Checked before redirecting: the target's address (its title's slug) is not for everyone.
        target = selectors.topic_by_pk(topic.merged_into_id) if topic.merged_into_id else None
        if not can_follow_merged_topic(request.user, topic, target):
            raise Http404("No such topic")
        return redirect(target)
    if topic is None or not can_view_topic(request.user, topic):
        raise Http404("No such topic")
    if slug != topic.slug:
        return redirect(topic, permanent=True)
    page = _paginate(request, selectors.visible_posts(topic, request.user), settings.FORUM_POSTS_PER_PAGE)
    posts = list(page.object_list)
    accepted = topic.accepted_post if page.number == 1 else None
    for post in [*posts, *([accepted] if accepted else [])]:
        post.topic = topic  # permission checks per post read the topic without a query each
    if accepted is not None and not can_view_post(request.user, accepted):
        accepted = None
    decorate_targets = posts + ([accepted] if accepted and accepted not in posts else [])
    selectors.decorate_posts(decorate_targets, request.user)
    if accepted is not None and accepted in posts:
        accepted.reaction_list = posts[posts.index(accepted)].reaction_list
    previous_read = selectors.read_position(topic, request.user)
    # Where "new since your last visit" goes: before the first post on this page not read yet.
    unread_from = (
        next((p.position for p in posts if p.position > previous_read), None) if previous_read else None
    )
    if request.user.is_authenticated and posts and posts[-1].position > previous_read:
        services.topic_mark_read(topic=topic, user=request.user, position=posts[-1].position)

    reply_form = None
    if can_reply(request.user, topic):
        initial = {}
        quoted = request.GET.get("quote")
        if quoted and quoted.isdigit():
            quoted_post = (
                Post.objects.select_related("author__profile", "topic__category").filter(pk=quoted).first()
            )
            if quoted_post and quoted_post.topic_id == topic.pk and can_view_post(request.user, quoted_post):
                name = actor_name(quoted_post.author)
                initial["body"] = quote_markdown(author_name=name, markdown=quoted_post.body)
        initial["language"] = preferred_language(request.user)
        reply_form = ReplyForm(initial=initial)
    return render(
        request,
        "forum/topic_detail.html",
        {
            "topic": topic,
            "category": topic.category,
            "page_obj": page,
            "posts": posts,
            "accepted": accepted,
            "unread_from": unread_from,
            "reply_form": reply_form,
            "watching": selectors.is_watching_topic(topic, request.user),
            "tags": list(topic.tags.all()),
            "suspended": is_suspended(request.user),
        },
    )


def topic_redirect(request, pk):
    topic = _visible_topic(request, pk)
    return redirect(topic)


def topic_unread(request, pk):
    """Open a topic at the first post the member has not read yet (or its last page)."""
    topic = _visible_topic(request, pk)
    if not request.user.is_authenticated:
        return redirect(topic)
    position = selectors.first_unread_position(topic, request.user)
    if position is None:
        last = selectors.visible_posts(topic, request.user).last()
        return HttpResponseRedirect(_post_url(last, request.user) if last else topic.get_absolute_url())
    post = topic.posts.get(position=position)
    post.topic = topic
    return HttpResponseRedirect(_post_url(post, request.user))


def post_permalink(request, pk):
    post = _visible_post(request, pk)
    topic = post.topic
    if topic.status == Topic.Status.MERGED:
        raise Http404("No such post")
    return HttpResponseRedirect(_post_url(post, request.user))


# --- Writing ---------------------------------------------------------------------------------


@ratelimit(key="user_or_ip", rate=_topic_rate, method="POST", block=True, group="forum.topic_new")
def topic_new(request, slug):
    category = _visible_category(request, slug)
    if not can_start_topic(request.user, category):
        return _refuse_writing(request, category.get_absolute_url())
    initial = {"language": preferred_language(request.user)}
    page = _discussed_page(request)
    if page is not None:
        initial["title"] = _("Discussion: %(title)s") % {"title": page.title}
    form = TopicForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            topic = services.topic_create(
                author=request.user,
                category=category,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                tags=form.cleaned_data["tags"],
                page=page,
                language=form.cleaned_data["language"],
            )
        except ValidationError as error:
            form.add_error("body", error)
        else:
            if topic.status == Topic.Status.PENDING:
                messages.info(
                    request, _("Thank you. Your first posts wait for a moderator; we will tell you.")
                )
            return redirect(topic)
    return render(
        request,
        "forum/topic_form.html",
        {"form": form, "category": category, "page": page},
        status=_status(form),
    )


def _status(form) -> int:
    return 400 if form.is_bound and form.errors else 200


def _refuse_writing(request, back_url: str):
    if request.user.is_authenticated and is_suspended(request.user):
        messages.error(request, _("Your account is suspended from posting in the forum for now."))
        return redirect(back_url)
    return deny(request)


def _discussed_page(request):
    page_id = request.GET.get("page_id") or request.POST.get("page_id")
    if not page_id or not str(page_id).isdigit():
        return None
    page = Page.objects.live().public().filter(pk=int(page_id)).first()
    if page is None or Topic.objects.filter(page_id=page.pk).exists():
        return None
    return page.specific


@require_POST
@ratelimit(key="user_or_ip", rate=_reply_rate, method="POST", block=True, group="forum.reply")
def topic_reply(request, pk):
    topic = _visible_topic(request, pk)
    if not can_reply(request.user, topic):
        return _refuse_writing(request, topic.get_absolute_url())
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            post = services.post_create(
                author=request.user,
                topic=topic,
                body=form.cleaned_data["body"],
                language=form.cleaned_data["language"],
            )
        except ValidationError as error:
            form.add_error("body", error)
        else:
            if post.status == Post.Status.PENDING:
                messages.info(
                    request, _("Thank you. Your first posts wait for a moderator; we will tell you.")
                )
            post.topic = topic
            return HttpResponseRedirect(_post_url(post, request.user))
    return render(request, "forum/reply_form.html", {"form": form, "topic": topic}, status=400)


def post_edit(request, pk):
    post = _visible_post(request, pk)
    if not can_edit_post(request.user, post):
        return deny(request)
    form = PostEditForm(request.POST or None, initial={"body": post.body, "language": post.language})
    if request.method == "POST" and form.is_valid():
        try:
            services.post_edit(
                post=post,
                editor=request.user,
                body=form.cleaned_data["body"],
                language=form.cleaned_data["language"],
            )
        except ValidationError as error:
            form.add_error("body", error)
        else:
            messages.success(request, _("Your changes are saved."))
            return HttpResponseRedirect(_post_url(post, request.user))
    return render(request, "forum/post_edit.html", {"form": form, "post": post}, status=_status(form))


def post_delete(request, pk):
    post = _visible_post(request, pk)
    if not can_delete_post(request.user, post):
        return deny(request)
    if request.method == "POST":
        services.post_delete(post=post, user=request.user)
        messages.success(request, _("Your post is deleted."))
        if post.position == 1:
            return redirect(post.topic.category)
        return redirect(post.topic)
    return render(request, "forum/post_delete.html", {"post": post})


def post_history(request, pk):
    post = _visible_post(request, pk)
    if not can_view_post_history(request.user, post):
        raise Http404("No such post")
    revisions = post.revisions.select_related("editor__profile")
    return render(request, "forum/post_history.html", {"post": post, "revisions": revisions})


@require_POST
def post_react(request, pk):
    post = _visible_post(request, pk)
    if not can_react(request.user, post):
        return deny(request)
    kind = request.POST.get("kind")
    if kind not in Reaction.Kind.values:
        return HttpResponseBadRequest(_("Unknown reaction."))
    services.reaction_toggle(post=post, user=request.user, kind=kind)
    return HttpResponseRedirect(_post_url(post, request.user))


def post_flag(request, pk):
    post = _visible_post(request, pk)
    if not can_flag_post(request.user, post):
        return deny(request)
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.flag_create(post=post, user=request.user, **form.cleaned_data)
        messages.success(request, _("Thank you. A moderator will look at this post."))
        return HttpResponseRedirect(_post_url(post, request.user))
    return render(request, "forum/post_flag.html", {"form": form, "post": post}, status=_status(form))


@require_POST
def topic_accept(request, pk):
    topic = _visible_topic(request, pk)
    if not can_accept_answer(request.user, topic):
        return deny(request)
    post_id = request.POST.get("post")
    post = None
    if post_id:
        if not post_id.isdigit():
            raise Http404("No such post")
        post = get_object_or_404(Post, pk=int(post_id), topic=topic)
    try:
        services.topic_accept_answer(topic=topic, post=post, user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request, _("Marked as the accepted answer.") if post else _("The accepted answer is cleared.")
        )
    return redirect(topic)


@require_POST
def topic_watch(request, pk):
    topic = _visible_topic(request, pk)
    if not can_watch(request.user, topic):
        return deny(request)
    watching = request.POST.get("watch") == "1"
    services.topic_watch(topic=topic, user=request.user, watching=watching)
    messages.success(
        request, _("You are watching this topic.") if watching else _("You stopped watching this topic.")
    )
    return redirect(topic)


@require_POST
def category_watch(request, slug):
    category = _visible_category(request, slug)
    if not can_watch(request.user, category):
        return deny(request)
    watching = request.POST.get("watch") == "1"
    services.category_watch(category=category, user=request.user, watching=watching)
    messages.success(
        request,
        (
            _("You will hear of new topics in %(category)s.")
            if watching
            else _("You stopped watching %(category)s.")
        )
        % {"category": category.name},
    )
    return redirect(category)


def discuss_page(request, page_pk):
    """ "Discuss this": open the page's topic, or start one attached to the page."""
    page = Page.objects.live().public().filter(pk=page_pk).first()
    if page is None:
        raise Http404("No such page")
    topic = Topic.objects.select_related("category").filter(page=page).first()
    if topic is not None and can_view_topic(request.user, topic):
        return redirect(topic)
    if topic is not None:
        raise Http404("No such topic")
    categories = [c for c in selectors.visible_categories(request.user) if can_start_topic(request.user, c)]
    if not categories:
        return _refuse_writing(request, page.url or "/")
    return render(request, "forum/discuss_choose_category.html", {"page": page, "categories": categories})


# --- Notifications ---------------------------------------------------------------------------


@permission_required(can_view_notifications)
def notification_list(request):
    page = _paginate(request, selectors.notifications_for(request.user), 30)
    return render(request, "forum/notifications.html", {"page_obj": page})


@require_POST
@permission_required(can_view_notifications)
def notifications_read(request):
    notifications.notifications_mark_read(user=request.user)
    messages.success(request, _("All notifications are marked as read."))
    return redirect("forum:notifications")


@permission_required(can_view_notifications)
def notification_open(request, pk):
    notification = get_object_or_404(
        Notification.objects.select_related("post", "topic"), pk=pk, recipient=request.user
    )
    notifications.notifications_mark_read(user=request.user, ids=[notification.pk])
    if notification.post_id:
        return redirect("forum:post", pk=notification.post_id)
    if notification.topic_id:
        return redirect("forum:topic_redirect", pk=notification.topic_id)
    if notification.url and url_has_allowed_host_and_scheme(notification.url, allowed_hosts=None):
        # A path on this site (saved searches), never elsewhere, in the language it was opened in.
        return redirect(in_language(notification.url, translation.get_language()))
    return redirect("forum:notifications")


@permission_required(can_view_notifications)
def preferences(request):
    prefs = notifications.preferences_for(request.user.pk)
    form = PreferencesForm(request.POST or None, instance=prefs)
    if request.method == "POST" and form.is_valid():
        notifications.preferences_update(user=request.user, data=form.cleaned_data)
        messages.success(request, _("Your notification settings are saved."))
        return redirect("forum:preferences")
    return render(request, "forum/preferences.html", {"form": form}, status=_status(form))


@csrf_exempt  # the signed token is the proof; mail clients POST here for one-click unsubscribe (RFC 8058)
def unsubscribe(request, token):
    """Works without logging in. GET asks to confirm (link scanners must not unsubscribe anyone)."""
    try:
        user_id, scope = notifications.read_unsubscribe_token(token)
    except signing.BadSignature:
        return render(request, "forum/unsubscribe.html", {"invalid": True}, status=400)
    if not User.objects.filter(pk=user_id).exists():
        return render(request, "forum/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        try:
            done = notifications.email_unsubscribe(user_id=user_id, scope=scope)
        except (ValidationError, ValueError):
            return render(request, "forum/unsubscribe.html", {"invalid": True}, status=400)
        return render(request, "forum/unsubscribe.html", {"done": done})
    return render(request, "forum/unsubscribe.html", {"scope": scope, "token": token})


# --- Moderation ------------------------------------------------------------------------------


@permission_required(can_moderate)
def moderation_queue(request):
    return render(
        request,
        "forum/moderation_queue.html",
        {
            "flagged": selectors.flagged_posts(),
            "pending": selectors.pending_posts(),
            "suspensions": selectors.active_suspensions(),
            "reason_form": ReasonForm(),
        },
    )


@permission_required(can_moderate)
def moderation_log(request):
    page = _paginate(request, selectors.moderation_log(), 50)
    return render(request, "forum/moderation_log.html", {"page_obj": page})


def _back(request, fallback: str):
    target = request.POST.get("next", "")
    if target.startswith("/") and not target.startswith("//"):
        return HttpResponseRedirect(target)
    return HttpResponseRedirect(fallback)


@require_POST
@permission_required(can_moderate)
def post_approve(request, pk):
    post = get_object_or_404(Post.objects.select_related("topic__category"), pk=pk)
    services.post_approve(post=post, moderator=request.user)
    messages.success(request, _("The post is published and its author is told."))
    return _back(request, reverse("forum:moderation_queue"))


@permission_required(can_moderate)
def post_hide(request, pk):
    post = get_object_or_404(Post.objects.select_related("topic__category", "author__profile"), pk=pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.post_hide(post=post, moderator=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("The post is hidden; only its author and moderators can see it."))
        return _back(request, _post_url(post, request.user))
    return render(request, "forum/post_hide.html", {"form": form, "post": post}, status=_status(form))


@require_POST
@permission_required(can_moderate)
def post_unhide(request, pk):
    post = get_object_or_404(Post.objects.select_related("topic__category"), pk=pk)
    services.post_unhide(post=post, moderator=request.user)
    messages.success(request, _("The post is visible again."))
    return _back(request, _post_url(post, request.user))


@require_POST
@permission_required(can_moderate)
def flag_dismiss(request, pk):
    flag = get_object_or_404(Flag.objects.select_related("post__topic"), pk=pk)
    services.flag_dismiss(flag=flag, moderator=request.user)
    messages.success(request, _("The flag is dismissed."))
    return redirect("forum:moderation_queue")


@require_POST
@permission_required(can_moderate)
def topic_lock(request, pk):
    topic = get_object_or_404(Topic, pk=pk)
    locked = request.POST.get("locked") == "1"
    services.topic_lock(topic=topic, moderator=request.user, locked=locked)
    messages.success(
        request, _("The topic is locked.") if locked else _("The topic is open for replies again.")
    )
    return redirect(topic)


@require_POST
@permission_required(can_moderate)
def topic_pin(request, pk):
    topic = get_object_or_404(Topic, pk=pk)
    pinned = request.POST.get("pinned") == "1"
    services.topic_pin(topic=topic, moderator=request.user, pinned=pinned)
    messages.success(request, _("The topic is pinned to the top.") if pinned else _("The topic is unpinned."))
    return redirect(topic)


@permission_required(can_moderate)
def topic_move(request, pk):
    topic = get_object_or_404(Topic.objects.select_related("category"), pk=pk)
    form = MoveForm(request.POST or None, initial={"category": topic.category})
    if request.method == "POST" and form.is_valid():
        services.topic_move(topic=topic, moderator=request.user, category=form.cleaned_data["category"])
        messages.success(
            request, _("The topic is now in %(category)s.") % {"category": form.cleaned_data["category"].name}
        )
        return redirect(topic)
    return render(request, "forum/topic_move.html", {"form": form, "topic": topic}, status=_status(form))


@permission_required(can_moderate)
def topic_merge(request, pk):
    topic = get_object_or_404(Topic.objects.select_related("category"), pk=pk)
    form = MergeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        target = Topic.objects.filter(pk=form.cleaned_data["target"]).first()
        if target is None:
            form.add_error("target", _("There is no topic with this number."))
        else:
            try:
                services.topic_merge(source=topic, target=target, moderator=request.user)
            except ValidationError as error:
                form.add_error("target", error)
            else:
                messages.success(request, _("The posts are now in “%(title)s”.") % {"title": target.title})
                return redirect(target)
    return render(request, "forum/topic_merge.html", {"form": form, "topic": topic}, status=_status(form))


def member_suspend(request, user_pk):
    target = get_object_or_404(User.objects.select_related("profile"), pk=user_pk)
    if not can_suspend(request.user, target):
        return deny(request)
    form = SuspendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.member_suspend(user=target, moderator=request.user, **form.cleaned_data)
        messages.success(request, _("The member is suspended and told why."))
        return redirect("forum:moderation_queue")
    return render(
        request, "forum/member_suspend.html", {"form": form, "target": target}, status=_status(form)
    )


@require_POST
@permission_required(can_moderate)
def suspension_lift(request, pk):
    suspension = get_object_or_404(Suspension.objects.select_related("user"), pk=pk)
    services.suspension_lift(suspension=suspension, moderator=request.user)
    messages.success(request, _("The suspension is lifted."))
    return redirect("forum:moderation_queue")
