"""PostgreSQL full-text search over the documents the search engine indexes: the baseline of `make bench`.

One table holds, per search document, the text fields of its Elasticsearch source (title weighted
A, summary B, every other text field C, so a text field added to the documents reaches the
baseline too), its filter fields as arrays, its visibility and date. Three searches run on it:

- `bare_search`: the first baseline, ranked top 20 and a count, nothing else;
- `fair_search`: what a site built on PostgreSQL has to compute for the same search page: the
  filters, one count per option of every facet with the other filters applied (as the engine's
  aggregations do), the total, the top 20 in the requested order, and `ts_headline` snippets
  (title, summary, two body fragments) for those 20; one statement, one round trip;
- `ranked_ids`: the top 20 document ids, for the relevance suite.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from elasticsearch.dsl import Text

TABLE = "bench_docs"
WEIGHTS = {"title": "A", "summary": "B"}  # every other text field: C
# Copies of the other fields, for matching and spelling, and their Snowball stems (PostgreSQL
# stems with its own English configuration: the baseline is PostgreSQL as it comes).
NOT_TEXT = {"all_text", "spell_all", "spell_public", "stems", "title_stems"}
HEADLINE = "StartSel=<mark>, StopSel=</mark>"


def facet_names() -> list[str]:
    from search.selectors import FACET_NAMES

    return list(FACET_NAMES)


def _text_fields(document) -> list[str]:
    mapping = document._doc_type.mapping
    return [name for name in mapping if isinstance(mapping[name], Text) and name not in NOT_TEXT]


def _as_list(value) -> list[str]:
    if value is None or value == "":
        return []
    return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]


def create_table(cursor) -> int:
    """(Re)build the baseline table from every indexable document; return how many rows it holds."""
    from search.documents import all_documents

    facets = facet_names()
    cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
    columns = ", ".join(f"{name} text[] NOT NULL" for name in facets)
    cursor.execute(
        f"CREATE TABLE {TABLE} (id text PRIMARY KEY, visibility text NOT NULL, date timestamptz, "
        f"title text NOT NULL, summary text NOT NULL, body text NOT NULL, tsv tsvector NOT NULL, {columns})"
    )
    insert = (
        f"INSERT INTO {TABLE} (id, visibility, date, title, summary, body, tsv, {', '.join(facets)}) "  # noqa: S608 - fixed names
        "VALUES (%s, %s, %s, %s, %s, %s, setweight(to_tsvector('english', %s), 'A') || "
        "setweight(to_tsvector('english', %s), 'B') || setweight(to_tsvector('english', %s), 'C'), "
        + ", ".join(["%s"] * len(facets))
        + ")"
    )
    count = 0
    for document in all_documents():
        others = [name for name in _text_fields(document) if name not in WEIGHTS]
        rows = []
        for obj in document.scan(chunk_size=500):
            source = document.source(obj)
            title, summary = source.get("title", ""), source.get("summary", "")
            rest = " ".join(str(source[name]) for name in others if source.get(name))
            rows.append(
                [
                    document.document_id(obj.pk),
                    source.get("visibility", ""),
                    source.get("date"),
                    title,
                    summary,
                    source.get("body", ""),  # what the engine highlights
                    title,
                    summary,
                    rest,  # the body and any other text field the documents have
                    *[_as_list(source.get(name)) for name in facets],
                ]
            )
        cursor.executemany(insert, rows)
        count += len(rows)
    cursor.execute(f"CREATE INDEX ON {TABLE} USING gin (tsv)")
    for name in facets:
        cursor.execute(f"CREATE INDEX ON {TABLE} USING gin ({name})")
    cursor.execute(f"ANALYZE {TABLE}")
    return count


def drop_table(cursor) -> None:
    cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")


def ranked_ids(cursor, query: str, *, audiences=("public",), size: int = 20) -> list[str]:
    cursor.execute(
        f"SELECT id FROM {TABLE}, websearch_to_tsquery('english', %s) q "  # noqa: S608 - fixed names
        "WHERE tsv @@ q AND visibility = ANY(%s) ORDER BY ts_rank(tsv, q) DESC, id LIMIT %s",
        [query, list(audiences), size],
    )
    return [row[0] for row in cursor.fetchall()]


def bare_search(cursor, query: str) -> None:
    """The first baseline: the ranked top 20 and the count, without filters, facets or snippets."""
    cursor.execute(
        f"SELECT id, ts_rank(tsv, q) AS rank FROM {TABLE}, websearch_to_tsquery('english', %s) q "  # noqa: S608
        "WHERE tsv @@ q ORDER BY rank DESC LIMIT 20",
        [query],
    )
    cursor.fetchall()
    cursor.execute(
        f"SELECT count(*) FROM {TABLE}, websearch_to_tsquery('english', %s) q WHERE tsv @@ q",  # noqa: S608
        [query],
    )
    cursor.fetchall()


@dataclass
class FairPage:
    total: int
    hits: list[tuple[str, str, str, str]]  # id, title, summary and body headlines
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


def _filter_sql(filters: dict[str, tuple[str, ...]], params: dict, *, without: str | None = None) -> str:
    clauses = []
    for name, values in filters.items():
        if name != without:
            params[f"f_{name}"] = list(values)
            clauses.append(f"{name} && %(f_{name})s::text[]")
    return " AND ".join(clauses) or "true"


def fair_search(cursor, *, query: str, filters: dict[str, tuple[str, ...]], sort: str, audiences, size=20):
    """The search page's work in PostgreSQL: filtered top 20 with headlines, total, every facet's counts."""
    facets = facet_names()
    filters = {k: tuple(v) for k, v in filters.items() if k in facets and v}
    params: dict = {"q": query, "audiences": list(audiences), "size": size}
    order = "date DESC NULLS LAST, rank DESC" if sort == "date" else "rank DESC, date DESC NULLS LAST"
    everything = _filter_sql(filters, params)
    parts = [
        # The page of hits, with headlines computed for those rows only.
        "(SELECT 0 AS part, n, id, NULL::text AS value, 0::bigint AS count, "  # noqa: S608 - names are fixed
        f"ts_headline('english', title, q, 'HighlightAll=true, {HEADLINE}') AS title, "
        f"ts_headline('english', summary, q, 'HighlightAll=true, {HEADLINE}') AS summary, "
        f"ts_headline('english', body, q, 'MaxFragments=2, MaxWords=30, MinWords=12, {HEADLINE}') AS body "
        f"FROM (SELECT row_number() OVER (ORDER BY {order}) AS n, id, title, summary, body, q "
        f"FROM matched WHERE {everything} ORDER BY {order} LIMIT %(size)s) AS page)",
        f"(SELECT 1, 0, NULL, NULL, count(*), NULL, NULL, NULL FROM matched WHERE {everything})",  # noqa: S608
    ]
    for name in facets:
        others = _filter_sql(filters, params, without=name)
        parts.append(
            f"(SELECT 2, 0, NULL, '{name}:' || v, count(*), NULL, NULL, NULL "  # noqa: S608 - facet names
            f"FROM matched, unnest({name}) AS v WHERE {others} GROUP BY v)"
        )
    sql = (
        "WITH query AS (SELECT websearch_to_tsquery('english', %(q)s) AS q), "  # noqa: S608 - fixed names
        "matched AS MATERIALIZED (SELECT d.*, ts_rank(d.tsv, query.q) AS rank, query.q "
        f"FROM {TABLE} d, query WHERE d.tsv @@ query.q AND d.visibility = ANY(%(audiences)s)) "
        + " UNION ALL ".join(parts)
    )
    cursor.execute(sql, params)
    page = FairPage(total=0, hits=[])
    rows = cursor.fetchall()
    for part, _n, doc_id, value, count, title, summary, body in sorted(rows, key=lambda r: (r[0], r[1])):
        if part == 0:
            page.hits.append((doc_id, title, summary, body))
        elif part == 1:
            page.total = count
        else:
            name, option = value.split(":", 1)
            page.facets.setdefault(name, {})[option] = count
    return page
