"""Search benchmark (issue 6, item 8): a script, not a test. Prints one table.

    DJANGO_SETTINGS_MODULE=lodestar.settings.dev .venv/bin/python -m tests.bench.search_bench [--queries 200]

It measures, on whatever the database holds (load it first with `manage.py load_demo --scale N`
once the library provides it):
- full rebuild throughput of `search_index --rebuild` (in a subprocess, whose peak memory is
  recorded) against a raw elasticsearch-py `helpers.bulk` of the same documents into a scratch index;
- search latency p50/p95/p99 of a fixed mix of queries with facets through the query service,
  the same request bodies sent raw to Elasticsearch, and PostgreSQL full-text search over the
  same documents' text;
- publish-to-searchable latency through a real worker (`--publish N` changes; needs a worker on
  the configured broker, e.g. the one `make run` starts).

Scaffolding: the Makefile target `bench` is to be added by the lead after the Library merge, and the
publish step only knows member organisations so far (see PUBLISHERS).
"""

import argparse
import os
import random
import resource
import subprocess
import sys
import time
import uuid

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings.dev")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from elasticsearch.helpers import bulk  # noqa: E402

from search import indexing  # noqa: E402
from search.client import indexing_client, query_client  # noqa: E402
from search.documents import all_documents, index_definition, read_alias  # noqa: E402
from search.selectors import SearchRequest, build_body, search_content  # noqa: E402

QUERY_WORDS = [
    "net zero",
    "decarbonisation",
    "transport",
    "buildings",
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
]
FILTER_MIX = [{}, {"countries": ("PT",)}, {"actor_type": ("city",)}, {"content_type": ("organisation",)}]


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)

    def at(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))]

    return at(0.50), at(0.95), at(0.99)


def query_mix(n: int) -> list[SearchRequest]:
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
import time, django
django.setup()
from search import indexing
started = time.perf_counter()
indexing.rebuild()
print(time.perf_counter() - started)
"""


def bench_rebuild() -> dict:
    # In its own process, so that its peak memory is the rebuild's alone (RUSAGE_CHILDREN).
    process = subprocess.run(  # noqa: S603 - our own code with fixed arguments
        [sys.executable, "-c", REBUILD], capture_output=True, text=True, check=True
    )
    rebuild_seconds = float(process.stdout.strip().splitlines()[-1])
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    documents = indexing.indexable_count()

    scratch = f"{settings.ELASTICSEARCH_INDEX_PREFIX}-bench-{uuid.uuid4().hex[:8]}"
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
        "raw_bulk_docs_per_s": documents / raw_seconds if raw_seconds else float("inf"),
        "rebuild_peak_rss_mb": peak_mb,
    }


def bench_queries(n: int) -> dict:
    mix = query_mix(n)
    user = AnonymousUser()
    service, raw, postgres = [], [], []
    for request in mix[:10]:  # warm caches
        search_content(user=user, request=request)
    for request in mix:
        started = time.perf_counter()
        search_content(user=user, request=request)
        service.append((time.perf_counter() - started) * 1000)
        body = build_body(request, audiences=["public"], page=1)
        started = time.perf_counter()
        query_client().search(index=read_alias(), **body)
        raw.append((time.perf_counter() - started) * 1000)
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
        for request in mix:
            started = time.perf_counter()
            cursor.execute(
                "SELECT id, ts_rank(body, q) AS rank FROM bench_text, websearch_to_tsquery('english', %s) q "
                "WHERE body @@ q ORDER BY rank DESC LIMIT 20",
                [request.query],
            )
            cursor.fetchall()
            postgres.append((time.perf_counter() - started) * 1000)
        cursor.execute("DROP TABLE bench_text")
    return {"service": percentiles(service), "raw": percentiles(raw), "postgres": percentiles(postgres)}


def _rename_organisation(i: int) -> tuple[str, str]:
    from lodestar.members.models import Organisation

    word = f"benchmark{uuid.uuid4().hex[:10]}"
    organisation = Organisation.objects.filter(profiles__isnull=False).order_by("?").first()
    with transaction.atomic():
        organisation.name = f"{organisation.name.split(' benchmark')[0]} {word}"
        organisation.save()
    return word, f"organisation-{organisation.pk}"


PUBLISHERS = [_rename_organisation]  # the library adds "publish a case study" here


def bench_publish(n: int, timeout: float = 30) -> tuple[float, float] | None:
    if n <= 0:
        return None
    latencies = []
    for i in range(n):
        word, doc_id = PUBLISHERS[i % len(PUBLISHERS)](i)
        started = time.perf_counter()
        while time.perf_counter() - started < timeout:
            hits = query_client().search(index=read_alias(), query={"match": {"title": word}}, size=1)
            if hits["hits"]["hits"]:
                latencies.append(time.perf_counter() - started)
                break
        else:
            sys.stderr.write(f"  {doc_id} was not searchable within {timeout}s: is a worker running?\n")
    if not latencies:
        return None
    p50, p95, _ = percentiles(latencies)
    return p50, p95


def out(line: str) -> None:
    sys.stdout.write(line + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--publish", type=int, default=0, help="changes to time through the worker")
    args = parser.parse_args()

    rebuild = bench_rebuild()
    queries = bench_queries(args.queries)
    publish = bench_publish(args.publish)

    ratio = rebuild["rebuild_docs_per_s"] / rebuild["raw_bulk_docs_per_s"]
    overhead = queries["service"][1] - queries["raw"][1]
    out(f"documents                      {rebuild['documents']}")
    out(f"rebuild throughput             {rebuild['rebuild_docs_per_s']:.0f} docs/s (target >= 0.7 x raw)")
    out(f"raw helpers.bulk throughput    {rebuild['raw_bulk_docs_per_s']:.0f} docs/s   ratio {ratio:.2f}")
    out(f"rebuild peak memory            {rebuild['rebuild_peak_rss_mb']:.0f} MB (target < 500 MB at 100k)")
    for name, (p50, p95, p99) in queries.items():
        out(f"search {name:<10} p50/p95/p99  {p50:.1f} / {p95:.1f} / {p99:.1f} ms")
    out(f"service overhead at p95        {overhead:.1f} ms (target <= 15 ms; service p95 target < 60 ms)")
    if publish:
        out(f"publish-to-searchable p50/p95  {publish[0]:.2f} / {publish[1]:.2f} s (target p95 < 2 s)")


if __name__ == "__main__":
    main()
