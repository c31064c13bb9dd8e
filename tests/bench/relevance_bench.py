"""Relevance suite (issue 11, item 6): a script run by `make bench` before the latency benchmark.

    .venv/bin/python -m tests.bench.relevance_bench [--keep] [--queries]

It works in its own database (`lodestar_relevance`), index prefix (`lodestar-relevance`) and Redis
databases (53 to 55), removed at the end unless --keep. Steps:
1. create the database and migrate (vocabularies, seeded synonyms, library structure);
2. load tests/relevance/corpus.json as real pages and forum topics (tests/relevance/loader.py);
3. `search_index --rebuild`, as `make run` does;
4. run every judged query of tests/relevance/judgements.json through the query service
   (`search.selectors.search_content`, as a visitor) and through PostgreSQL's English full-text
   search over the same documents (tests/bench/postgres_baseline.py), and print nDCG@10, MRR,
   recall@20, must-haves missing from the top 5, per class, and the failing queries.
"""

from __future__ import annotations

import argparse
import os
import sys

from tests.bench.search_bench import REPO, bench_environment, cleanup, manage, out, recreate_database, say

DATABASE = "lodestar_relevance"
PREFIX = "lodestar-relevance"
REDIS_DBS = (53, 54, 55)


def measure(*, per_query: bool) -> list[str]:
    from django.db import connection

    from search import maintenance
    from tests.bench import postgres_baseline
    from tests.relevance import evaluate
    from tests.relevance.loader import load_corpus

    say("loading the relevance corpus (tests/relevance/corpus.json)")
    corpus = load_corpus()
    say("indexing it: search_index --rebuild")
    maintenance.rebuild(say=say)
    say("running the judged queries: query service, then PostgreSQL full-text search")
    systems = {"engine (search_content)": evaluate.run(evaluate.engine(corpus))}
    with connection.cursor() as cursor:
        documents = postgres_baseline.create_table(cursor)
        baseline = evaluate.postgres(corpus, cursor)
        systems["PostgreSQL FTS (english, ts_rank, weights A/B/C)"] = evaluate.run(baseline)
        postgres_baseline.drop_table(cursor)
    lines = evaluate.report(systems, documents=documents)
    if per_query:
        lines += ["", "Per query (engine / PostgreSQL): nDCG@10, reciprocal rank, recall@20, top 3", ""]
        for engine_score, pg_score in zip(*systems.values(), strict=True):
            q = engine_score.query
            lines.append(
                f'- {q["id"]} "{q["query"]}": '
                + " / ".join(
                    f"{evaluate._f(s.ndcg10)} {evaluate._f(s.rr)} {evaluate._f(s.recall20)} "
                    f"[{', '.join(s.outcome.ranking[:3])}]"
                    for s in (engine_score, pg_score)
                )
            )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the database and index for inspection")
    parser.add_argument("--queries", action="store_true", help="also print every query's scores")
    args = parser.parse_args()

    os.environ.update(bench_environment(DATABASE, PREFIX, REDIS_DBS))
    os.environ.setdefault("LOG_LEVEL", "WARNING")  # not a line per page published
    sys.path.insert(0, str(REPO))
    say(f"creating the database {DATABASE} (index prefix {PREFIX})")
    recreate_database(DATABASE)
    import django

    django.setup()
    try:
        manage("migrate", "--noinput", "-v", "0")
        lines = measure(per_query=args.queries)
    finally:
        if not args.keep:
            cleanup(DATABASE, PREFIX, REDIS_DBS)
    for line in lines:
        out(line)


if __name__ == "__main__":
    main()
