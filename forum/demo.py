"""Demo forum: categories, topics and replies by the demo members. Idempotent.

Rows are written directly (not through services) so loading the demo sends no notifications. The
discussions stay within coalition-facts.md or are marked "(illustrative)".
"""

from datetime import timedelta

from django.utils import timezone

from lodestar.members.demo import demo_email
from lodestar.members.models import User

from .models import Category, Flag, Post, Topic, TopicWatch
from .services import post_render

CATEGORIES = [
    # slug, name, description, colour, visibility, who may start topics
    (
        "long-term-strategy-design",
        "Long-term strategy design",
        "Scoping, governance and consultation for long-term low greenhouse-gas emission development "
        "strategies.",
        "teal",
        "public",
        "members",
    ),
    (
        "sector-pathways",
        "Sector pathways",
        "Modelling and planning pathways for energy, transport, buildings, industry, land use and waste.",
        "blue",
        "public",
        "members",
    ),
    (
        "finance-and-investment",
        "Finance and investment",
        "Aligning budgets, investment plans and finance ministries with the long-term strategy.",
        "green",
        "public",
        "members",
    ),
    (
        "cities-and-regions",
        "Cities and regions",
        "Bringing subnational plans into line with national long-term strategies.",
        "purple",
        "public",
        "members",
    ),
    (
        "announcements",
        "Announcements",
        "News from the Coalition secretariat.",
        "red",
        "public",
        "moderators",
    ),
    (
        "members-lounge",
        "Members' lounge",
        "Candid exchange between members, not visible to visitors.",
        "slate",
        "members",
        "members",
    ),
]

TOPICS = [
    {
        "category": "finance-and-investment",
        "author": "ana",
        "title": "How did you get the finance ministry on board with the long-term strategy?",
        "body": (
            "We are revising our long-term strategy (illustrative) and the finance ministry sees it as an "
            "environment ministry document. What worked for you to make it part of budget planning?"
        ),
        "tags": ["finance", "governance"],
        "replies": [
            (
                "ingrid",
                "Two things helped us (illustrative): a joint steering group chaired by both ministries, and "
                "tagging budget lines by their contribution to the pathway, so the strategy shows up in "
                "the budget documents finance already owns.",
            ),
            (
                "freja",
                "From the investor side: a published pathway with interim milestones made our "
                "conversations with the ministry much more concrete (illustrative).",
            ),
            (
                "carlos",
                "@ingrid did the tagging start with a pilot in a few ministries, or everywhere at once?",
            ),
            ("ingrid", "A pilot in three ministries for one budget year, then everywhere (illustrative)."),
        ],
        "accepted": 0,
    },
    {
        "category": "long-term-strategy-design",
        "author": "lijon",
        "title": "Consultation formats that reached islands outside the capital",
        "body": (
            "For our strategy consultation (illustrative) most responses came from the capital. "
            "Which formats helped you hear from remote communities?"
        ),
        "tags": ["consultation"],
        "replies": [
            (
                "aroha",
                "Radio call-in sessions and community meetings run by local networks worked for us "
                "(illustrative).",
            ),
            (
                "marta",
                "We paid for travel of community representatives to regional workshops (illustrative).",
            ),
        ],
    },
    {
        "category": "sector-pathways",
        "author": "jonas",
        "title": "Which open models do you use for power-sector pathways?",
        "body": "We compare several open-source energy system models for our pathway update (illustrative). "
        "What did you choose, and why?",
        "tags": ["modelling", "energy"],
        "replies": [
            (
                "louis",
                "We kept one detailed model for power and a simpler one for the whole economy, "
                "and linked them through a few shared assumptions (illustrative).",
            ),
        ],
    },
    {
        "category": "cities-and-regions",
        "author": "marta",
        "title": "Aligning a regional energy plan with the national strategy",
        "body": "Our region (illustrative) is updating its energy plan. How do you keep regional targets "
        "consistent with the national pathway without copying it?",
        "tags": ["subnational"],
        "replies": [
            (
                "ingrid",
                "We publish a short table that maps each city target to the national milestone it "
                "supports (illustrative).",
            ),
            ("diego", "BUY CHEAP CERTIFIED OFFSETS NOW at offsets-bargain.example, best prices!!!"),
        ],
        "flag_last": True,
    },
    {
        "category": "cities-and-regions",
        "author": "carlos",
        "language": "es",
        "title": "Transporte urbano en la estrategia a largo plazo: ¿cómo fijar metas intermedias?",
        "body": "Estamos actualizando nuestro plan de descarbonización (ilustrativo). ¿Cómo han fijado "
        "metas intermedias para el transporte urbano que sigan la trayectoria hacia 2050?",
        "tags": ["transport"],
        "replies": [
            (
                "louis",
                "Nous avons fixé un jalon pour 2030 par mode de transport, relu chaque année (illustratif).",
                "fr",
            ),
            (
                "diego",
                "Nosotros empezamos por los autobuses eléctricos y la logística urbana (ilustrativo).",
                "es",
            ),
        ],
    },
    {
        "category": "announcements",
        "author": "moderator",
        "title": "Welcome to the Lodestar forum",
        "body": (
            "The Carbon Neutrality Coalition was launched at the One Planet Summit in December 2017. "
            "This forum is where members exchange experience on long-term strategies. Please keep it "
            "civil, and flag posts that break the rules."
        ),
        "tags": [],
        "replies": [],
        "pinned": True,
    },
    {
        "category": "members-lounge",
        "author": "freja",
        "title": "Lessons from our first transition finance review (members only)",
        "body": "Sharing candidly what did not work in our first review (illustrative).",
        "tags": ["finance"],
        "replies": [("ana", "Thank you for sharing this so openly.")],
    },
]


def _user(local_part: str) -> User | None:
    return User.objects.filter(email=demo_email(local_part)).first()


def load(*, out, scale: int = 0) -> None:
    categories = {}
    for order, (slug, name, description, colour, visibility, starters) in enumerate(CATEGORIES):
        category, _ = Category.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "colour": colour,
                "visibility": visibility,
                "who_may_start_topics": starters,
                "who_may_reply": starters,
                "sort_order": order,
            },
        )
        categories[slug] = category

    created = 0
    start = timezone.now() - timedelta(days=len(TOPICS) * 2)
    for index, spec in enumerate(TOPICS):
        if Topic.objects.filter(title=spec["title"]).exists():
            continue
        author = _user(spec["author"])
        when = start + timedelta(days=index * 2)
        topic = Topic.objects.create(
            category=categories[spec["category"]],
            title=spec["title"],
            author=author,
            created_at=when,
            last_activity_at=when,
            is_pinned=spec.get("pinned", False),
        )
        topic.tags.set(spec["tags"])
        posts = []
        language = spec.get("language", "en")
        for position, (local_part, body, *written_in) in enumerate(
            [(spec["author"], spec["body"], language), *spec["replies"]], start=1
        ):
            posted_at = when + timedelta(hours=position * 3)
            posts.append(
                Post.objects.create(
                    topic=topic,
                    position=position,
                    author=_user(local_part),
                    body=body,
                    body_html=post_render(body).html,
                    language=written_in[0] if written_in else "en",
                    created_at=posted_at,
                )
            )
        topic.last_position = len(posts)
        topic.reply_count = len(posts) - 1
        topic.last_activity_at = posts[-1].created_at
        if "accepted" in spec:
            topic.accepted_post = posts[1 + spec["accepted"]]
        topic.save()
        for post in posts:
            if post.author_id:
                TopicWatch.objects.get_or_create(user_id=post.author_id, topic=topic)
        if spec.get("flag_last"):
            Flag.objects.get_or_create(
                post=posts[-1],
                flagged_by=_user("marta"),
                defaults={"reason": Flag.Reason.SPAM, "detail": "Advertising, unrelated to the topic."},
            )
        created += 1
    out.write(f"  {len(categories)} forum categories, {created} new topics")
