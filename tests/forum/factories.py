import factory
from django.utils import timezone

from forum.models import Category, Post, Topic
from forum.rendering import render_markdown


class CategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    description = "Discussions for tests."
    visibility = Category.Visibility.PUBLIC

    class Meta:
        model = Category


class TopicFactory(factory.django.DjangoModelFactory):
    """A published topic with its first post (the question)."""

    category = factory.SubFactory(CategoryFactory)
    title = factory.Sequence(lambda n: f"How do you model pathway {n}?")
    author = None
    last_position = 1

    class Meta:
        model = Topic
        skip_postgeneration_save = True

    @factory.post_generation
    def question(obj, create, extracted, **kwargs):
        body = extracted or "What worked for you?"
        Post.objects.create(
            topic=obj,
            position=1,
            author=obj.author,
            body=body,
            body_html=render_markdown(body).html,
            status=Post.Status.PUBLISHED if obj.status == Topic.Status.PUBLISHED else Post.Status.PENDING,
        )


def add_replies(
    topic: Topic, authors: list, count: int, *, body: str = "A reply with **Markdown**."
) -> list[Post]:
    """Append `count` published replies quickly (bulk), cycling through `authors`."""
    start = topic.last_position
    now = timezone.now()
    posts = Post.objects.bulk_create(
        [
            Post(
                topic=topic,
                position=start + i,
                author=authors[i % len(authors)] if authors else None,
                body=f"{body} {i}",
                body_html=render_markdown(f"{body} {i}").html,
                created_at=now + timezone.timedelta(seconds=i),
            )
            for i in range(1, count + 1)
        ]
    )
    topic.last_position = start + count
    topic.reply_count += count
    topic.last_activity_at = now + timezone.timedelta(seconds=count)
    topic.save(update_fields=["last_position", "reply_count", "last_activity_at"])
    return posts
