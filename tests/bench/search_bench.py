"""Search benchmark (issue 6, item 8): a script run by `make bench`, not a test. Prints one table.

    make bench                     # 10,000 synthetic documents (plus the demo content)
    make bench BENCH_DOCS=100000   # the large corpus
    .venv/bin/python -m tests.bench.search_bench --docs 10000 --queries 200 --publish 30 [--keep]

It works in its own database (`lodestar_bench`), index prefix (`lodestar-bench`) and Redis
databases (50 to 52), so it never touches the development or test data, and removes all three
at the end (unless --keep). Steps, each with its progress:
1. create the database, migrate, `load_demo --scale N/2` (N/2 case studies and N/2 tools, in bulk:
   they have no signals, so only a rebuild indexes them);
2. `manage.py search_index --rebuild` in its own process (its peak memory is that process's
   max RSS), against a raw elasticsearch-py `helpers.bulk` of the same, already-built documents
   into a scratch index;
3. a fixed mix of 200 queries with facets: through the query service, the same request bodies sent
   raw to Elasticsearch, and a PostgreSQL full-text search over the same documents' text;
4. publish-to-searchable: case studies published through Wagtail, indexed by a real Celery worker
   started for the run, timed until a search finds them.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[2]
BENCH_DB = "lodestar_bench"
PREFIX = "lodestar-bench"
REDIS_DBS = (50, 51, 52)
WORKER_LOG = (
    REPO / ".services" / "logs" / "bench-worker.log"
)  # broker, results, cache: scripts/services runs Redis with 64 databases


def bench_environment() -> dict[str, str]:
    pg_port = os.environ.get("LODESTAR_PG_PORT", "15432")
    base = os.environ.get("DATABASE_URL", f"postgres://lodestar@127.0.0.1:{pg_port}/lodestar")
    parts = urlsplit(base)
    redis_port = os.environ.get("LODESTAR_REDIS_PORT", "16379")
    redis = os.environ.get("LODESTAR_BENCH_REDIS", f"redis://127.0.0.1:{redis_port}")
    return {
        "DJANGO_SETTINGS_MODULE": "lodestar.settings.dev",
        "DATABASE_URL": urlunsplit(parts._replace(path=f"/{BENCH_DB}")),
        "ELASTICSEARCH_INDEX_PREFIX": PREFIX,
        "CELERY_BROKER_URL": f"{redis}/{REDIS_DBS[0]}",
        "REDIS_URL": f"{redis}/{REDIS_DBS[0]}",
        "CELERY_RESULT_BACKEND": f"{redis}/{REDIS_DBS[1]}",
        "CACHE_URL": f"{redis}/{REDIS_DBS[2]}",
    }


def _admin_connection():
    import psycopg

    parts = urlsplit(os.environ["DATABASE_URL"])
    return psycopg.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username, password=parts.password,
        dbname="postgres", autocommit=True,
    )  # fmt: skip


def recreate_database() -> None:
    with _admin_connection() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{BENCH_DB}"')


def drop_database() -> None:
    with _admin_connection() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')


def say(line: str) -> None:
    sys.stderr.write(f"[bench] {line}\n")
    sys.stderr.flush()


def out(line: str) -> None:
    sys.stdout.write(line + "\n")


def manage(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args], cwd=REPO, env=os.environ.copy(), check=True, stdout=sys.stderr
    )  # progress on stderr: stdout is the table


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)

    def at(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))]

    return at(0.50), at(0.95), at(0.99)


# --- Measurements (Django is set up by then) -----------------------------------------------------

QUERY_WORDS = [
    "net zero",
    "decarbonisation",
    "transport",
    "buildings retrofit",
    "long-term strategy",
    "LT-LEDS",
    "consultation",
    "pathway modelling",
    "city",
    "energy supply",
    "just transition",
    "biodiversity",
    "carbon pricing",
    "ministry",
    "agency",
    "cities",
    "strategies",
    "AFOLU",
    "NDC",
    "renewables",
    "heat pumps",
    "decarbonisaton",
]
FILTER_MIX = [
    {},
    {"countries": ("PT",)},
    {"actor_type": ("city",)},
    {"content_type": ("case_study",)},
    {"sectors": ("transport",), "content_type": ("case_study", "tool")},
]


def query_mix(n: int):
    from search.selectors import SearchRequest

    rng = random.Random(6)  # noqa: S311 - fixed: every run measures the same mix
    return [
        SearchRequest(
            query=rng.choice(QUERY_WORDS),
            filters=rng.choice(FILTER_MIX),
            sort=rng.choice(["relevance", "date"]),
        )
        for _ in range(n)
    ]


REBUILD = """
import resource, time, django
django.setup()
from django.core.management import call_command
started = time.perf_counter()
call_command("search_index", "--rebuild")
print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def bench_rebuild() -> dict:
    from elasticsearch.helpers import bulk

    from search import indexing
    from search.client import indexing_client
    from search.documents import all_documents, index_definition

    say("rebuild: search_index --rebuild in its own process")
    process = subprocess.run(  # noqa: S603 - our own code with fixed arguments
        [sys.executable, "-c", REBUILD],
        cwd=REPO,
        env=os.environ.copy(),
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    rebuild_seconds, peak_mb = (float(x) for x in process.stdout.strip().splitlines()[-1].split())
    documents = indexing.indexable_count()

    say("raw helpers.bulk of the same documents into a scratch index")
    scratch = f"{PREFIX}-scratch-{uuid.uuid4().hex[:8]}"
    client = indexing_client()
    client.indices.create(index=scratch, body=index_definition(scratch))
    try:
        sources = [
            {"_index": scratch, "_id": d.document_id(o.pk), "_source": d.source(o)}
            for d in all_documents()
            for o in d.indexable_with_versions().iterator(chunk_size=500)
        ]
        started = time.perf_counter()
        bulk(client, sources, chunk_size=500, refresh=True)
        raw_seconds = time.perf_counter() - started
    finally:
        client.indices.delete(index=scratch, ignore_unavailable=True)
    return {
        "documents": documents,
        "rebuild_docs_per_s": documents / rebuild_seconds,
        "raw_bulk_docs_per_s": documents / raw_seconds,
        "rebuild_peak_rss_mb": peak_mb,
    }


def bench_queries(n: int) -> dict:
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from tqdm import tqdm

    from search.client import query_client
    from search.documents import all_documents, read_alias
    from search.selectors import build_body, search_content

    mix = query_mix(n)
    user = AnonymousUser()
    service, raw, postgres = [], [], []
    for request in mix[:20]:  # warm caches (synonyms, labels, Elasticsearch's own)
        search_content(user=user, request=request)
    for request in tqdm(mix, desc="queries: service and raw", file=sys.stderr):
        started = time.perf_counter()
        search_content(user=user, request=request)
        service.append((time.perf_counter() - started) * 1000)
        body = build_body(request, audiences=["public"], page=1)
        started = time.perf_counter()
        query_client().search(index=read_alias(), **body)
        raw.append((time.perf_counter() - started) * 1000)
    say("PostgreSQL full-text search over the same documents")
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMP TABLE bench_text (id text, body tsvector)")
        for document in all_documents():
            rows = [
                (
                    document.document_id(o.pk),
                    " ".join(filter(None, [s.get("title"), s.get("summary"), s.get("body")])),
                )
                for o in document.indexable_with_versions().iterator(chunk_size=500)
                for s in [document.source(o)]
            ]
            cursor.executemany("INSERT INTO bench_text VALUES (%s, to_tsvector('english', %s))", rows)
        cursor.execute("CREATE INDEX ON bench_text USING gin (body)")
        cursor.execute("ANALYZE bench_text")
        for request in tqdm(mix, desc="queries: PostgreSQL", file=sys.stderr):
            started = time.perf_counter()
            cursor.execute(
                "SELECT id, ts_rank(body, q) AS rank FROM bench_text, websearch_to_tsquery('english', %s) q "
                "WHERE body @@ q ORDER BY rank DESC LIMIT 20",
                [request.query],
            )
            cursor.fetchall()
            cursor.execute(
                "SELECT count(*) FROM bench_text, websearch_to_tsquery('english', %s) q WHERE body @@ q",
                [request.query],
            )
            cursor.fetchall()
            postgres.append((time.perf_counter() - started) * 1000)
        cursor.execute("DROP TABLE bench_text")
    return {"service": percentiles(service), "raw": percentiles(raw), "postgres": percentiles(postgres)}


def start_worker() -> subprocess.Popen:
    from lodestar.celery import app

    name = f"bench-{uuid.uuid4().hex[:6]}@lodestar"
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "lodestar",
        "worker",
        "--pool=solo",
        "--loglevel=WARNING",
    ]
    log = WORKER_LOG.open("w")  # noqa: SIM115 - the worker writes to it until it stops
    worker = subprocess.Popen(  # noqa: S603 - our own worker with fixed arguments
        [*command, "-n", name], cwd=REPO, env=os.environ.copy(), stdout=log, stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 60
    while not app.control.ping(destination=[name], timeout=0.5):
        if worker.poll() is not None or time.monotonic() > deadline:
            worker.terminate()
            raise RuntimeError(f"The benchmark's Celery worker did not start; see {WORKER_LOG}. Is Redis up?")
    return worker


def bench_publish(n: int, timeout: float = 30) -> tuple[float, float] | None:
    from django.db import transaction
    from tqdm import tqdm

    from cases.models import CaseStudyPage, LibraryIndexPage
    from lodestar.vocabularies.models import ActorType, Sector, StrategyStage
    from search.client import query_client
    from search.documents import read_alias

    if n <= 0:
        return None
    library = LibraryIndexPage.objects.get()
    sector, stage, actor = Sector.objects.first(), StrategyStage.objects.first(), ActorType.objects.first()
    worker = start_worker()
    latencies = []
    try:
        for _ in tqdm(range(n), desc="publish to searchable", file=sys.stderr):
            word = f"benchmark{uuid.uuid4().hex[:10]}"
            with transaction.atomic():
                page = library.add_child(
                    instance=CaseStudyPage(
                        title=f"Published for the benchmark {word} (illustrative)",
                        slug=word,
                        summary="A case study published by the benchmark (illustrative).",
                        governance_level="national",
                        countries=["PT"],
                        focus="mitigation",
                        strategy_stage=stage,
                        actor_type=actor,
                        live=False,
                    )
                )
                page.sectors.set([sector])
                revision = page.save_revision()
                started = time.perf_counter()
                revision.publish()
            while time.perf_counter() - started < timeout:
                hits = query_client().search(index=read_alias(), query={"match": {"title": word}}, size=1)
                if hits["hits"]["hits"]:
                    latencies.append(time.perf_counter() - started)
                    break
                time.sleep(0.01)  # polling the index: this is a script measuring, not a test
            else:
                say(f"{word} was not searchable within {timeout}s")
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    if not latencies:
        return None
    p50, p95, _ = percentiles(latencies)
    return p50, p95


def cleanup() -> None:
    import redis

    from search.client import indexing_client

    say("cleaning up: bench indexes, Redis databases, database")
    client = indexing_client()
    names = list(client.indices.get(index=f"{PREFIX}-*", expand_wildcards="all"))
    if names:
        client.indices.delete(index=",".join(names), ignore_unavailable=True)
    for db in REDIS_DBS:
        redis.Redis.from_url(f"{os.environ['CELERY_BROKER_URL'].rsplit('/', 1)[0]}/{db}").flushdb()
    from django.db import connections

    connections.close_all()
    drop_database()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--docs", type=int, default=10_000, help="synthetic documents (half case studies, half tools)"
    )
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--publish", type=int, default=30, help="case studies to time through the worker")
    parser.add_argument(
        "--keep", action="store_true", help="keep the bench database and indexes for inspection"
    )
    args = parser.parse_args()

    os.environ.update(bench_environment())
    sys.path.insert(0, str(REPO))
    WORKER_LOG.parent.mkdir(parents=True, exist_ok=True)
    say(f"creating the database {BENCH_DB} (index prefix {PREFIX})")
    recreate_database()
    import django

    django.setup()
    try:
        manage("migrate", "--noinput", "-v", "0")
        say(f"loading the demo content and {args.docs:,} synthetic documents")
        manage("load_demo", "--scale", str(args.docs // 2))
        rebuild = bench_rebuild()
        queries = bench_queries(args.queries)
        publish = bench_publish(args.publish)
    finally:
        if not args.keep:
            cleanup()

    ratio = rebuild["rebuild_docs_per_s"] / rebuild["raw_bulk_docs_per_s"]
    overhead = queries["service"][1] - queries["raw"][1]
    service_p95 = queries["service"][1]
    rows = [
        ("documents indexed", f"{rebuild['documents']:,}", ""),
        ("rebuild (search_index --rebuild)", f"{rebuild['rebuild_docs_per_s']:,.0f} docs/s", ""),
        ("raw helpers.bulk, same documents", f"{rebuild['raw_bulk_docs_per_s']:,.0f} docs/s", ""),
        ("rebuild / raw", f"{ratio:.2f}", "target >= 0.70 " + ("ok" if ratio >= 0.7 else "MISSED")),
        (
            "rebuild process peak memory",
            f"{rebuild['rebuild_peak_rss_mb']:,.0f} MB",
            "target < 500 MB at 100k",
        ),
    ]
    for name, label in [
        ("service", "query service"),
        ("raw", "same bodies, raw"),
        ("postgres", "PostgreSQL FTS"),
    ]:
        p50, p95, p99 = queries[name]
        rows.append((f"search p50/p95/p99, {label}", f"{p50:.1f} / {p95:.1f} / {p99:.1f} ms", ""))
    rows.append(
        (
            "service overhead at p95",
            f"{overhead:.1f} ms",
            "target <= 15 ms " + ("ok" if overhead <= 15 else "MISSED"),
        )
    )
    rows.append(
        ("service p95", f"{service_p95:.1f} ms", "target < 60 ms " + ("ok" if service_p95 < 60 else "MISSED"))
    )
    if publish:
        verdict = "ok" if publish[1] < 2 else "MISSED"
        rows.append(
            (
                "publish-to-searchable p50/p95",
                f"{publish[0]:.2f} / {publish[1]:.2f} s",
                f"target p95 < 2 s {verdict}",
            )
        )
    else:
        rows.append(("publish-to-searchable", "not measured", "see the messages above"))
    width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows)
    out(f"\n| {'measure':<{width}} | {'value':<{value_width}} | target |")
    out(f"|{'-' * (width + 2)}|{'-' * (value_width + 2)}|--------|")
    for name, value, target in rows:
        out(f"| {name:<{width}} | {value:<{value_width}} | {target} |")


if __name__ == "__main__":
    main()
