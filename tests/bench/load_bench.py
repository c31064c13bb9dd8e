"""Load benchmark (issue 13): `make bench-load`, a script, not a test. Prints a table.

    .venv/bin/python -m tests.bench.load_bench [--requests 600] [--clients 20] [--keep]

gunicorn with the production settings (deploy/gunicorn.conf.py, 3 sync workers) on loopback,
serving the demo content from its own database (lodestar_load), index prefix (lodestar-load) and
Redis databases 56-58, removed at the end unless --keep. For each address, a bounded number of
requests from 20 concurrent clients who are not signed in (what most visitors are), after a short
warm-up; the same gunicorn answers a minimal Django view (/bench/minimal/, through every
middleware) in the same run, the yardstick of the ratios. Targets (issue 13): pages at least 0.5x
the minimal view's requests/s, p95 under 150 ms, no answer other than 2xx. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tests.deploy import stack

DATABASE = "lodestar_load"
PREFIX = "lodestar-load"
REDIS_DBS = (56, 57, 58)  # broker, results, cache (50-52: make bench, 53-55: the relevance bench)
HOST = "127.0.0.1"  # loopback only
PORT_BASE = 23900
WARM_UP = 30
TARGET_RATIO, TARGET_P95_MS = 0.5, 150


def progress(message: str) -> None:
    sys.stderr.write(f"[bench-load] {message}\n")
    sys.stderr.flush()


def out(line: str = "") -> None:
    sys.stdout.write(line + "\n")


async def fetch(port: int, path: str) -> tuple[int, float]:
    """One request on a new connection (gunicorn's sync workers close it): (status, seconds)."""
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection(HOST, port)
    writer.write(
        f"GET {path} HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Proto: https\r\n"
        "Accept-Encoding: identity\r\nConnection: close\r\n\r\n".encode()
    )
    await writer.drain()
    status_line = await reader.readline()
    await reader.read()  # to the end: the whole answer counts
    writer.close()
    elapsed = time.perf_counter() - started
    return int(status_line.split()[1]), elapsed


async def run_load(port: int, path: str, total: int, clients: int) -> dict:
    remaining = total
    results: list[tuple[int, float]] = []

    async def client():
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            try:
                results.append(await fetch(port, path))
            except OSError:
                results.append((0, 0.0))

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    wall = time.perf_counter() - started
    latencies = sorted(seconds for _, seconds in results)
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "requests": len(results),
        "rps": len(results) / wall,
        "p50": cuts[49] * 1000,
        "p95": cuts[94] * 1000,
        "p99": cuts[98] * 1000,
        "non_2xx": sum(1 for status, _ in results if not 200 <= status < 300),
    }


def pick_addresses(port: int) -> list[tuple[str, str]]:
    """Home, library, a case study and a topic from the demo content, and a search."""
    import requests

    session = requests.Session()
    session.trust_env = False
    headers = {"Host": "localhost", "X-Forwarded-Proto": "https"}
    base = f"http://{HOST}:{port}"
    library = session.get(f"{base}/library/", headers=headers, timeout=30).text
    case_study = re.search(r'href="(/library/[a-z0-9-]+/)"', library).group(1)
    forum = session.get(f"{base}/forum/", headers=headers, timeout=30).text
    category = re.search(r'href="(/forum/c/[a-z0-9-]+/)"', forum).group(1)
    topics = session.get(f"{base}{category}", headers=headers, timeout=30).text
    topic = re.search(r'href="(/forum/t/\d+/[a-z0-9-]+/)"', topics).group(1)
    return [
        ("minimal Django view", "/bench/minimal/"),
        ("home", "/"),
        ("library", "/library/"),
        ("case study", case_study),
        ("topic", topic),
        ("search", "/search/?q=energy"),
    ]


def print_table(rows: list[tuple[str, str, dict]], clients: int) -> bool:
    minimal = rows[0][2]["rps"]
    out(f"\nLoad benchmark: gunicorn, production settings, 3 workers, {clients} clients, loopback\n")
    header = (
        f"{'address':<22} {'requests':>8} {'req/s':>8} {'x minimal':>9} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'p99 ms':>8} {'non-2xx':>7}"
    )
    out(header)
    out("-" * len(header))
    ok = True
    for name, path, r in rows:
        ratio = r["rps"] / minimal
        out(
            f"{name:<22} {r['requests']:>8} {r['rps']:>8.1f} {ratio:>9.2f} {r['p50']:>8.1f} {r['p95']:>8.1f} "
            f"{r['p99']:>8.1f} {r['non_2xx']:>7}"
        )
        if r["non_2xx"] or (
            path != "/bench/minimal/" and (ratio < TARGET_RATIO or r["p95"] >= TARGET_P95_MS)
        ):
            ok = False
    out(f"\n{'addresses':<22} {', '.join(path for _, path, _ in rows[1:])}")
    verdict = "met" if ok else "NOT met"
    out(f"Targets (pages >= {TARGET_RATIO}x minimal req/s, p95 < {TARGET_P95_MS} ms, 0 non-2xx): {verdict}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=600, help="requests per address (bounded)")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="keep the database, index and Redis data")
    args = parser.parse_args()

    root = Path(tempfile.mkdtemp(prefix="lodestar-load-"))
    (port,) = stack.ports_from(PORT_BASE, 1)
    env = stack.production_environment(
        database=DATABASE, index_prefix=PREFIX, redis_dbs=REDIS_DBS, base_url="https://localhost", root=root
    ) | {"DJANGO_SETTINGS_MODULE": "tests.bench.load_settings"}
    processes = stack.Processes(root)
    started = time.monotonic()
    try:
        progress(f"database {DATABASE}, index prefix {PREFIX}, Redis databases {REDIS_DBS}")
        stack.recreate_database(DATABASE)
        stack.drop_indexes(PREFIX)
        stack.flush_redis(REDIS_DBS)
        stack.prepare_site(env, content=["load_demo"], progress=progress)
        progress(f"starting gunicorn (3 workers) on {HOST}:{port}")
        stack.start_gunicorn(processes, env, port, workers=3)
        stack.wait_for(f"http://{HOST}:{port}/health/live", what="gunicorn", processes=processes)
        addresses = pick_addresses(port)
        rows = []
        for name, path in addresses:
            progress(f"{name}: {path}: warm-up, then {args.requests} requests from {args.clients} clients")
            asyncio.run(run_load(port, path, WARM_UP, min(args.clients, WARM_UP)))
            result = asyncio.run(run_load(port, path, args.requests, args.clients))
            progress(f"{name}: {result['rps']:.1f} req/s, p95 {result['p95']:.1f} ms")
            rows.append((name, path, result))
        progress(f"done in {time.monotonic() - started:.0f} s")
        return 0 if print_table(rows, args.clients) else 1
    finally:
        processes.stop()
        if not args.keep:
            stack.drop_indexes(PREFIX)
            stack.flush_redis(REDIS_DBS)
            stack.drop_database(DATABASE)


if __name__ == "__main__":
    sys.exit(main())
