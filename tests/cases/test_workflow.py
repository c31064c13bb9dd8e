"""The review workflow end to end: submission, changes requested, approval, and the emails (via Celery)."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import CaseStudyPage
from lodestar.mail.models import OutgoingEmail

from .factories import ensure_library_structure
from .test_validation import case_study_form


@pytest.fixture
def structure(home_page):
    return ensure_library_structure()


def workflow_action(client, page, action, **data):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, data)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_review_round_trip_notifies_by_email_through_the_worker(
    structure, client, member, moderator, tasks, mail
):
    library, _ = structure
    author, reviewer = client, client.__class__()
    author.force_login(member)
    reviewer.force_login(moderator)

    # 1. The member submits: the secretariat is told.
    add = reverse("wagtailadmin_pages:add", args=["cases", "casestudypage", library.pk])
    assert author.post(add, {**case_study_form(), "action-submit": "1"}).status_code == 302
    page = CaseStudyPage.objects.get(slug="aligning-budgets", locale__language_code="en")
    tasks.wait()
    [to_reviewer] = mail.to(moderator.email)
    assert to_reviewer["Subject"] == "For review: Aligning budgets"
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in mail.text(to_reviewer)

    # 2. The moderator asks for changes with a comment: the author gets it by email.
    workflow_action(reviewer, page, "reject", comment="Please add the latest emissions figures.")
    tasks.wait()
    page.refresh_from_db()
    assert not page.live
    [changes] = mail.to(member.email)
    assert changes["Subject"] == "Changes requested: Aligning budgets"
    assert "Please add the latest emissions figures." in mail.text(changes)

    # 3. The author edits and resubmits; the moderator approves, which publishes.
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = case_study_form(emissions_latest_year="2022", emissions_latest_value="41")
    assert author.post(edit, {**form, "action-submit": "1"}).status_code == 302
    workflow_action(reviewer, page, "approve", comment="")
    tasks.wait()

    page.refresh_from_db()
    assert page.live
    assert page.last_reviewed == timezone.localdate()
    assert page.live_revision.as_object().last_reviewed == timezone.localdate()
    messages = mail.to(member.email)
    assert [m["Subject"] for m in messages] == [
        "Changes requested: Aligning budgets",
        "Published: Aligning budgets",
    ]
    published = mail.text(messages[-1])
    assert f"http://127.0.0.1:8000{page.url}" in published, "the emailed link opens on `make run`"
    for url in re.findall(r"https?://\S+", published):
        assert url.startswith("http://127.0.0.1:8000/"), url
    # Wagtail's own in-request notifications are replaced: every message went through the outbox.
    assert OutgoingEmail.objects.filter(sent_at__isnull=False).count() == len(mail.messages())
    public = client.__class__().get(page.url)
    assert public.status_code == 200 and "Reviewed on" in public.content.decode()
