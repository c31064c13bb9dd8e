"""Each case study and tool page carries its forum discussion ("Discuss this")."""

import pytest
from bs4 import BeautifulSoup

from tests.cases.factories import CaseStudyPageFactory, ToolPageFactory
from tests.forum.factories import TopicFactory, add_replies

pytestmark = pytest.mark.django_db


def discussion_of(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.find("section", attrs={"aria-labelledby": "page-discussion-heading"})


@pytest.mark.parametrize("factory", [CaseStudyPageFactory, ToolPageFactory])
def test_a_library_page_without_a_topic_offers_to_discuss_it(client, library_indexes, factory):
    parent = library_indexes[0] if factory is CaseStudyPageFactory else library_indexes[1]
    page = factory(parent=parent)

    section = discussion_of(client.get(page.url))

    assert section.find("a", string="Discuss this")["href"] == f"/forum/discuss/{page.pk}/"


def test_a_case_study_shows_the_latest_replies_of_its_topic_and_links_to_it(
    client, library, member, other_member
):
    case_study = CaseStudyPageFactory(parent=library)
    topic = TopicFactory(page=case_study, author=member, title="How did the finance ministry join?")
    add_replies(topic, [other_member], 4, body="We set up a joint steering group.")

    section = discussion_of(client.get(case_study.url))

    replies = [li.get_text(" ", strip=True) for li in section.select("ol.page-discussion__replies > li")]
    assert len(replies) == 3
    assert (
        "We set up a joint steering group. 4" in replies[-1]
        or "We set up a joint steering group. 4" in replies[0]
    )
    assert section.find("a", string="Join the discussion")["href"] == topic.get_absolute_url()
