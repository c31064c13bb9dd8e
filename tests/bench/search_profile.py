"""Where a search's time goes: a script, not a test. Prints a table of time per part.

    .venv/bin/python -m tests.bench.search_bench --docs 10000 --keep   # once: the bench corpus
    .venv/bin/python -m tests.bench.search_profile [--queries 200] [--rounds 3]

It reads the corpus a kept `make bench` left (database `lodestar_bench`, index prefix
`lodestar-bench`) and runs the benchmark's own query mix (search_bench.query_mix) through the
parts of a search, one at a time: the known words and synonyms (search.selectors.prepare_query), building
the body in Python, the request as the service sends it, the body main's query service made
before the latency work (commit BEFORE, with the same known words), the request without its
aggregations, without its highlighting, without both, with a bounded hit count, the "did you
mean" requests of the queries that get one, the Python handling of the answers, and the whole
service (search_content). It also says how many searches rank their top 10 as main did.
Every variant of one query is run back to back, in an order rotated per query, so load from
elsewhere on the machine falls on all of them alike. Wall time is measured at the client,
"took" is what Elasticsearch reports.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

from tests.bench.search_bench import REPO, bench_environment, out, percentiles, query_mix


def _without(*keys: str):
    def change(body: dict, request, plan) -> dict:
        body = dict(body)
        for key in keys:
            body.pop(key, None)
        return body

    return change


# The query service as main had it before the latency work of issue 11 (its own build_body).
BEFORE = "5cad157"


def _selectors_before():
    import importlib.util

    cached = getattr(_selectors_before, "module", None)
    if cached is None:
        text = subprocess.run(  # noqa: S603 - git with fixed arguments
            ["git", "show", f"{BEFORE}:search/selectors.py"],  # noqa: S607
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        spec = importlib.util.spec_from_loader("search._selectors_before", loader=None)
        cached = importlib.util.module_from_spec(spec)
        cached.__package__ = "search"
        sys.modules[spec.name] = cached  # dataclasses look their module up there
        exec(compile(text, f"{BEFORE}:search/selectors.py", "exec"), cached.__dict__)  # noqa: S102
        _selectors_before.module = cached
    return cached


def _as_before(body: dict, request, plan) -> dict:
    """The body main's build_body (commit BEFORE) makes for the same request and known words."""
    return _selectors_before().build_body(request, audiences=body_audiences(body), page=1, plan=plan)


def body_audiences(body: dict) -> list[str]:
    return body["query"]["bool"]["filter"][0]["terms"]["visibility"]


def _hits_total_bounded(body: dict, request, plan) -> dict:
    return {**body, "track_total_hits": 1000}


VARIANTS = {
    "as sent by the service": lambda body, request, plan: body,
    f"as main sent it before ({BEFORE})": _as_before,
    "without aggregations": _without("aggs"),
    "without highlighting": _without("highlight"),
    "without aggregations and highlighting": _without("aggs", "highlight"),
    "track_total_hits bounded to 1,000": _hits_total_bounded,
}


PREPARE = "prepare_query (known words and synonyms: one cache read)"


def _ids(response: dict, n: int) -> list[str]:
    return [hit["_id"] for hit in response["hits"]["hits"][:n]]


def _scores(response: dict, n: int = 10) -> list[float]:
    return [round(hit["_score"], 3) for hit in response["hits"]["hits"][:n]]


def profile(queries: int, rounds: int) -> list[tuple[str, list[float], list[float]]]:
    from django.contrib.auth.models import AnonymousUser

    from lodestar.permissions import searchable_audiences
    from search import selectors
    from search.client import query_client
    from search.documents import read_alias

    user = AnonymousUser()
    audiences = searchable_audiences(user)
    mix = query_mix(queries)
    client = query_client()
    for request in mix[:20]:  # warm caches, as the bench does
        selectors.search_content(user=user, request=request)
    wall = {name: [] for name in [PREPARE, "build_body (Python)", *VARIANTS]}
    took = {name: [] for name in wall}
    handling, suggest_wall, suggest_took, service = [], [], [], []
    names = list(VARIANTS)
    compared = same_top10 = same_scores10 = 0
    for round_ in range(rounds):
        for i, request in enumerate(mix):
            started = time.perf_counter()
            plan, variants = (
                selectors.prepare_query(request.query, audiences) if request.query else (None, [])
            )
            wall[PREPARE].append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            body = selectors.build_body(request, audiences=audiences, page=1, plan=plan, variants=variants)
            wall["build_body (Python)"].append((time.perf_counter() - started) * 1000)
            answers = {}
            shift = (i + round_) % len(names)
            for name in names[shift:] + names[:shift]:
                variant = VARIANTS[name](body, request, plan)
                started = time.perf_counter()
                response = client.search(index=read_alias(), **variant)
                wall[name].append((time.perf_counter() - started) * 1000)
                took[name].append(float(response["took"]))
                answers[name] = response.body
            sent = answers["as sent by the service"]
            if request.query and request.sort == "relevance":
                compared += 1
                whole = answers[f"as main sent it before ({BEFORE})"]
                same_top10 += _ids(sent, 10) == _ids(whole, 10)
                same_scores10 += _scores(sent) == _scores(whole)
            started = time.perf_counter()
            selectors.results_from(request, sent, page=1, user=user)
            handling.append((time.perf_counter() - started) * 1000)
            if plan is not None and selectors.wants_suggestion(plan, sent):
                started = time.perf_counter()
                suggestion = client.search(
                    index=read_alias(), **selectors.suggestion_body(request.query, audiences)
                )
                suggest_wall.append((time.perf_counter() - started) * 1000)
                suggest_took.append(float(suggestion["took"]))
            started = time.perf_counter()
            selectors.search_content(user=user, request=request)
            service.append((time.perf_counter() - started) * 1000)
    rows = [(name, wall[name], took[name]) for name in wall]
    rows.append(("response handling (Python: hits, facets)", handling, []))
    asked = f"did you mean ({len(suggest_wall)} of {len(mix) * rounds} searches)"
    rows.append((asked, suggest_wall, suggest_took))
    rows.append(("search_content, whole service", service, []))
    agreement = (
        f"Against main ({BEFORE}), {compared} searches by relevance: the same top 10 in order "
        f"{same_top10}, the same top 10 scores (the others differ in the order of documents of "
        f"equal score) {same_scores10}"
    )
    return rows, agreement


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    os.environ.update(bench_environment())
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    rows, agreement = profile(args.queries, args.rounds)
    load = os.getloadavg()
    out(f"\nSearch profile: {args.queries} queries x {args.rounds} rounds, load {load[0]:.2f} {load[1]:.2f}")
    out(agreement + "\n")
    out("| part | wall p50 / p95 / p99 ms | took p50 / p95 ms |")
    out("|---|---|---|")
    for name, walls, tooks in rows:
        if not walls:
            out(f"| {name} | not run | |")
            continue
        p50, p95, p99 = percentiles(walls)
        took_text = "{:.1f} / {:.1f}".format(*percentiles(tooks)[:2]) if tooks else ""
        out(f"| {name} | {p50:.2f} / {p95:.2f} / {p99:.2f} | {took_text} |")


if __name__ == "__main__":
    main()
