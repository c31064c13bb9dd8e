"""Cross-coalition search: Elasticsearch documents, indexing tasks and queries."""
