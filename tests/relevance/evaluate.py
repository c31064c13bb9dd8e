"""Run the judged queries through a search system and score them: what `make bench` prints.

A query fails when a must-have document is missing from its top 5, when a nonsense query returns
anything, or when its "did you mean" is not what the judgement expects (the engine only: the
PostgreSQL baseline has no suggestions).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from tests.relevance import metrics
from tests.relevance.loader import Corpus, judgements

TOP = 20  # hits read per query: recall@20 needs them


@dataclass
class Outcome:
    """What a search system answered: corpus keys best first, total hits, and its suggestion if it has any."""

    ranking: list[str]
    total: int
    suggestion: str | None = None  # None: the system has no "did you mean" at all; "" : none offered


@dataclass
class QueryScore:
    query: dict
    outcome: Outcome
    ndcg10: float | None
    rr: float | None
    recall20: float | None
    missing_top5: list[str]
    failures: list[str] = field(default_factory=list)


def _folded(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def score(query: dict, outcome: Outcome) -> QueryScore:
    grades = query["grades"]
    ranking = outcome.ranking
    result = QueryScore(
        query=query,
        outcome=outcome,
        ndcg10=metrics.ndcg_at(ranking, grades, 10),
        rr=metrics.reciprocal_rank(ranking, grades),
        recall20=metrics.recall_at(ranking, grades, TOP),
        missing_top5=metrics.must_haves_missing(ranking, grades, 5),
    )
    if result.missing_top5:
        result.failures.append(f"must-have missing from the top 5: {', '.join(result.missing_top5)}")
    if query.get("expect_no_results") and outcome.total:
        top = ", ".join(ranking[:3])
        result.failures.append(f"{outcome.total} results for a nonsense query (top: {top})")
    if "suggestion" in query and outcome.suggestion is not None:
        expected, shown = query["suggestion"], outcome.suggestion
        if expected is None and shown:
            result.failures.append(f'"did you mean {shown}" shown where none should be')
        elif expected and _folded(expected) not in _folded(shown):
            shown = shown or "nothing"
            result.failures.append(f'"did you mean" should contain "{expected}", shows "{shown}"')
    return result


def run(search: Callable[..., Outcome], queries: Iterable[dict] | None = None) -> list[QueryScore]:
    """Each query's score, run with the interface in its `language` (English if none)."""
    return [
        score(query, search(query["query"], language=query.get("language", "en")))
        for query in (judgements() if queries is None else queries)
    ]


# --- The systems ------------------------------------------------------------------------------------


def engine(corpus: Corpus, user=None) -> Callable[[str], Outcome]:
    """The project's query service, as the search page calls it (a visitor unless `user` is given)."""
    from django.contrib.auth.models import AnonymousUser

    from search.selectors import SearchRequest, search_content

    def search(text: str, language: str = "en") -> Outcome:
        from django.utils import translation

        request = SearchRequest(query=text, per_page=TOP)
        with translation.override(language):
            results = search_content(user=user or AnonymousUser(), request=request)
        keys = [corpus.key_of(hit.content_type, hit.object_id) for hit in results.hits]
        return Outcome(metrics.unique_in_order(keys), results.total, results.did_you_mean or "")

    return search


def postgres(corpus: Corpus, cursor) -> Callable[[str], Outcome]:
    """PostgreSQL's English full-text search over the same documents (tests/bench/postgres_baseline.py)."""
    from tests.bench import postgres_baseline

    def search(text: str, language: str = "en") -> Outcome:  # one English configuration whatever the language
        keys = []
        for document_id in postgres_baseline.ranked_ids(cursor, text, size=TOP):
            content_type, _, object_id = document_id.rpartition("-")
            keys.append(corpus.key_of(content_type, object_id))
        return Outcome(metrics.unique_in_order(keys), len(keys), None)

    return search


# --- Reports -----------------------------------------------------------------------------------------


@dataclass
class Summary:
    queries: int
    ndcg10: float | None
    mrr: float | None
    recall20: float | None
    missing: int  # queries with a must-have missing from the top 5
    graded: int  # queries with graded documents
    junk: int  # nonsense queries with results
    nonsense: int
    suggestions_right: int | None
    suggestions: int


def summarise(scores: list[QueryScore]) -> Summary:
    graded = [s for s in scores if s.query["grades"]]
    nonsense = [s for s in scores if s.query.get("expect_no_results")]
    with_suggestion = [s for s in scores if "suggestion" in s.query]
    has_suggestions = any(s.outcome.suggestion is not None for s in scores)
    return Summary(
        queries=len(scores),
        ndcg10=metrics.mean(s.ndcg10 for s in graded),
        mrr=metrics.mean(s.rr for s in graded),
        recall20=metrics.mean(s.recall20 for s in graded),
        missing=sum(1 for s in graded if s.missing_top5),
        graded=len(graded),
        junk=sum(1 for s in nonsense if s.outcome.total),
        nonsense=len(nonsense),
        suggestions_right=sum(1 for s in with_suggestion if not any("did you mean" in f for f in s.failures))
        if has_suggestions
        else None,
        suggestions=len(with_suggestion),
    )


def _f(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish"}


def per_language(systems: dict[str, list[QueryScore]]) -> list[str]:
    """The scores of each interface language's queries (issue 15): English, French, Spanish."""
    lines = [
        "",
        "Per language of the query (interface language): " + " / ".join(systems),
        "",
        "| language | queries | nDCG@10 | MRR | recall@20 | missing top 5 |",
        "|---|---|---|---|---|---|",
    ]
    first = next(iter(systems.values()))
    for code in dict.fromkeys(s.query.get("language", "en") for s in first):
        per = [
            summarise([s for s in got if s.query.get("language", "en") == code and s.query["grades"]])
            for got in systems.values()
        ]
        lines.append(
            f"| {LANGUAGE_NAMES.get(code, code)} | {per[0].graded} | "
            + " | ".join(
                " / ".join(_f(getattr(p, metric)) for p in per) for metric in ("ndcg10", "mrr", "recall20")
            )
            + " | "
            + " / ".join(str(p.missing) for p in per)
            + " |"
        )
    return lines


def report(systems: dict[str, list[QueryScore]], *, documents: int) -> list[str]:
    """Markdown tables: overall, per class, and the failing queries of each system."""
    first = next(iter(systems.values()))
    lines = [
        "",
        f"Relevance suite (tests/relevance): {documents} documents, {len(first)} judged queries",
        "",
        "| system | nDCG@10 | MRR | recall@20 | must-have missing from top 5 | nonsense with results "
        "| did-you-mean as judged |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, scores in systems.items():
        s = summarise(scores)
        share = f"{s.missing}/{s.graded} queries ({s.missing / s.graded:.0%})" if s.graded else "n/a"
        right = "n/a" if s.suggestions_right is None else f"{s.suggestions_right}/{s.suggestions}"
        cells = [_f(s.ndcg10), _f(s.mrr), _f(s.recall20), share, f"{s.junk}/{s.nonsense}", right]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "Targets (issue 11): nDCG@10 >= 0.90; a must-have missing from the top 5 in at most 1 of 10 queries.",
        "",
        "Per class: " + " / ".join(systems) + " (nDCG@10, MRR, recall@20, must-have missing from top 5)",
        "",
        "| class | queries | nDCG@10 | MRR | recall@20 | missing top 5 |",
        "|---|---|---|---|---|---|",
    ]
    classes = list(dict.fromkeys(q["class"] for q in (s.query for s in first)))
    for cls in classes:
        per = {name: summarise([s for s in got if s.query["class"] == cls]) for name, got in systems.items()}
        any_summary = next(iter(per.values()))
        if cls == "nonsense":
            cells = " / ".join(f"{p.junk}/{p.nonsense} with results" for p in per.values())
            lines.append(f"| {cls} | {any_summary.queries} | {cells} | | | |")
            continue
        lines.append(
            f"| {cls} | {any_summary.queries} | "
            + " | ".join(
                " / ".join(_f(getattr(p, metric)) for p in per.values())
                for metric in ("ndcg10", "mrr", "recall20")
            )
            + " | "
            + " / ".join(f"{p.missing}" for p in per.values())
            + " |"
        )
    lines += per_language(systems)
    for name, scores in systems.items():
        failing = [s for s in scores if s.failures]
        lines += ["", f"Failing queries, {name}: {len(failing)} of {len(scores)}"]
        for s in failing:
            lines.append(
                f'- {s.query["id"]} "{s.query["query"]}" [{s.query["class"]}] nDCG@10 {_f(s.ndcg10)}: '
                + "; ".join(s.failures)
            )
    return lines
