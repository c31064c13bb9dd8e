"""The little content the stack's smoke test needs, made in its database by `manage.py shell`.

    manage.py shell -c "from tests.deploy.content import create; create()"

(The demo content takes a minute to load on a busy machine; the load benchmark uses it.)
"""

from django.db import transaction

MEMBER_EMAIL = "stack-member@example.org"
TOPIC_TITLE = "Heat networks through the proxy"


def create() -> None:
    from cases.models import LibraryIndexPage
    from tests.cases.factories import CaseStudyPageFactory
    from tests.forum.factories import CategoryFactory, TopicFactory
    from tests.members.factories import make_member

    with transaction.atomic():
        member = make_member(user__email=MEMBER_EMAIL, user__username="stack-member", slug="stack-member")
        TopicFactory(category=CategoryFactory(), author=member, title=TOPIC_TITLE)
        library = LibraryIndexPage.objects.get()
        for n in range(3):
            CaseStudyPageFactory(parent=library, title=f"Illustrative energy strategy {n}")
