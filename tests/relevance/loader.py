"""Build the relevance corpus (corpus.json) as real content: Wagtail pages published through revisions,
forum topics started and answered through the forum's services.

Used by the integration tests (tests/search/test_relevance_suite.py) in the test database and by
`make bench` (tests/bench/relevance_bench.py) in its own database. Publishing and posting record
the documents in the search outbox as in production; the caller then indexes them (drain or
rebuild) and maps hits back to corpus keys with `Corpus.key_of`.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale

from cases.models import CaseStudyPage, ToolPage
from forum import services as forum_services
from forum.models import Category, Post
from lodestar.permissions.roles import MODERATORS_GROUP
from lodestar.vocabularies.models import (
    ActorType,
    CoBenefit,
    PolicyInstrument,
    Sector,
    StrategyStage,
    ToolType,
)
from tests.cases.factories import ensure_library_structure
from tests.members.factories import member_factory

HERE = Path(__file__).resolve().parent
CORPUS_FILE = HERE / "corpus.json"
JUDGEMENTS_FILE = HERE / "judgements.json"
# French and Spanish documents and queries (issue 15), kept apart from the English suite's files.
LANGUAGES_CORPUS_FILE = HERE / "corpus_languages.json"
LANGUAGES_JUDGEMENTS_FILE = HERE / "judgements_languages.json"


@cache
def corpus_data() -> dict:
    """corpus.json with the French and Spanish documents (a `language` each) appended."""
    data = json.loads(CORPUS_FILE.read_text(encoding="utf-8"))
    others = json.loads(LANGUAGES_CORPUS_FILE.read_text(encoding="utf-8"))
    for kind in ("case_studies", "tools", "topics"):
        data[kind] = [*data[kind], *others.get(kind, [])]
    return data


@cache
def judgements() -> list[dict]:
    """Every judged query: the English ones (their grades of French and Spanish documents added),
    then the French and Spanish ones, each with the interface `language` it is run in."""
    queries = json.loads(JUDGEMENTS_FILE.read_text(encoding="utf-8"))["queries"]
    others = json.loads(LANGUAGES_JUDGEMENTS_FILE.read_text(encoding="utf-8"))
    extra = others.get("english_grades", {})
    queries = [{**q, "grades": {**q["grades"], **extra.get(q["id"], {})}} for q in queries]
    return queries + others["queries"]


def corpus_keys() -> set[str]:
    data = corpus_data()
    return {doc["key"] for kind in ("case_studies", "tools", "topics") for doc in data[kind]}


@dataclass
class Corpus:
    """Which search document is which corpus entry (a forum reply counts as its topic)."""

    keys: dict[tuple[str, str], str] = field(default_factory=dict)

    def add(self, content_type: str, object_id, key: str) -> None:
        self.keys[(content_type, str(object_id))] = key

    def key_of(self, content_type: str, object_id) -> str | None:
        return self.keys.get((content_type, str(object_id)))


def _terms(model, slugs) -> list:
    found = {term.slug: term for term in model.objects.filter(slug__in=slugs)}
    missing = sorted(set(slugs) - set(found))
    if missing:
        raise ValueError(f"corpus.json names unknown {model._meta.verbose_name} terms: {missing}")
    return [found[slug] for slug in slugs]


def _locale(language: str) -> Locale:
    """The page's locale: a French or Spanish document is a page of that locale, as a translation is."""
    return Locale.objects.get_or_create(language_code=language)[0]


def _paragraph(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def _publish(parent, page, owner) -> None:
    """As a member's revision approved by the secretariat: publishing fires Wagtail's signals."""
    page.owner = owner
    parent.add_child(instance=page)
    revision = page.save_revision(user=owner, log_action=False)
    revision.publish(user=owner, log_action=False, skip_permission_checks=True)


def _case_study(spec: dict) -> CaseStudyPage:
    body = [{"type": name, "value": {"text": _paragraph(text)}} for name, text in spec["sections"].items()]
    if spec.get("quote"):
        body.append({"type": "quote", "value": spec["quote"]})
    page = CaseStudyPage(
        title=spec["title"],
        slug=slugify(spec["key"]),
        summary=spec["summary"],
        actor_type=_terms(ActorType, [spec["actor_type"]])[0],
        governance_level=spec["governance_level"],
        countries=spec["countries"],
        region=spec["region"],
        city=spec["city"],
        focus=spec["focus"],
        strategy_stage=_terms(StrategyStage, [spec["strategy_stage"]])[0],
        body=body,
        languages=[spec.get("language", "en")],
        locale=_locale(spec.get("language", "en")),
    )
    page.sectors.set(_terms(Sector, spec["sectors"]))
    page.policy_instruments.set(_terms(PolicyInstrument, spec["policy_instruments"]))
    page.co_benefits.set(_terms(CoBenefit, spec["co_benefits"]))
    return page


def _tool(spec: dict) -> ToolPage:
    page = ToolPage(
        title=spec["title"],
        slug=slugify(spec["key"]),
        summary=spec["summary"],
        description=_paragraph(spec["description"]),
        tool_type=_terms(ToolType, [spec["tool_type"]])[0],
        cost=spec["cost"],
        skill_level=spec["skill_level"],
        languages=["en"],
        link=f"https://example.org/tools/{slugify(spec['key'])}",
        maintainer=spec["maintainer"],
        open_source=spec["open_source"],
    )
    page.sectors.set(_terms(Sector, spec["sectors"]))
    page.strategy_stages.set(_terms(StrategyStage, spec["strategy_stages"]))
    return page


def load_corpus() -> Corpus:
    """Create every corpus document (in one transaction) and return the map from search documents to keys.

    Authors are moderators without an organisation, so that no member organisation (a searchable
    document of its own) joins the corpus, and their topics need no approval.
    """
    data = corpus_data()
    corpus = Corpus()
    with transaction.atomic():
        library, tools_index = ensure_library_structure()
        author = member_factory(MODERATORS_GROUP, organisation=None, display_name="Corpus author")
        answerer = member_factory(MODERATORS_GROUP, organisation=None, display_name="Corpus answerer")
        for spec in data["case_studies"]:
            page = _case_study(spec)
            _publish(library, page, author)
            corpus.add("case_study", page.pk, spec["key"])
        for spec in data["tools"]:
            page = _tool(spec)
            _publish(tools_index, page, author)
            corpus.add("tool", page.pk, spec["key"])
        categories = {}
        for c in data["forum_categories"]:
            category = Category.objects.update_or_create(
                slug=c["slug"],
                defaults={"name": c["name"], "description": f"{c['name']} (relevance corpus)."},
            )[0]
            category.sectors.set(Sector.objects.filter(slug__in=c.get("sectors", [])))
            categories[c["slug"]] = category
        for spec in data["topics"]:
            topic = forum_services.topic_create(
                author=author,
                category=categories[spec["category"]],
                title=spec["title"],
                body=spec["question"],
                tags=spec["tags"],
            )
            corpus.add("topic", topic.pk, spec["key"])
            if spec.get("accepted_answer"):
                answer = forum_services.post_create(
                    author=answerer, topic=topic, body=spec["accepted_answer"]
                )
                forum_services.topic_accept_answer(topic=topic, post=answer, user=author)
        topic_keys = {int(pk): key for (kind, pk), key in corpus.keys.items() if kind == "topic"}
        for post_id, topic_id in Post.objects.filter(topic_id__in=topic_keys).values_list("pk", "topic_id"):
            corpus.add("post", post_id, topic_keys[topic_id])
    return corpus
