from django.db import connection


def test_database_is_postgresql_with_full_text_search(db):
    """Search fallbacks and benchmarks rely on PostgreSQL's full-text search; SQLite has none."""
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector('english', %s) @@ plainto_tsquery('english', %s)",
            ["Long-term strategies guide near-term policy", "strategy"],
        )
        (matches,) = cursor.fetchone()
    assert matches is True
