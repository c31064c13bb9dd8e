"""Controlled vocabularies shared by the library, member profiles and search (editable snippets)."""
