"""What Lodestar puts in Elasticsearch: one index, one Document class per content type.

The package holds the analysis (analysis), the base class, registry and index naming (base), and
one module per part of the site: the library (library), the forum (forum), the member directory
(members). Importing the package registers every content type; import its names from here.

Adding a content type: subclass `SearchDocument`, set `document_type`, `label` and `model`, write
`get_queryset()` (only what may be found: live pages, visible posts, with its joins) and the
`prepare_<field>` methods, decorate it with `@register`, import its module below, and say in
search/signals.py which model signals change it.
"""

from lodestar.permissions.search import MEMBERS_ONLY, PUBLIC

from .base import (
    DOCUMENTS,
    SearchDocument,
    all_documents,
    document_for,
    html_to_text,
    index_definition,
    page_url,
    read_alias,
    register,
    shards_for,
    suggestion_inputs,
    write_alias,
)

# Content types register as their modules load, and DOCUMENTS keeps that order: the order
# `search_index --check` reports in and --rebuild loads in. Members first, then the library, then
# the forum, as before the split.
# isort: off
from .members import OrganisationDocument
from .library import CaseStudySearchDocument, LibraryPageDocument, ToolDocument
from .forum import PostDocument, TopicDocument

# isort: on

__all__ = [
    "DOCUMENTS",
    "MEMBERS_ONLY",
    "PUBLIC",
    "shards_for",
    "CaseStudySearchDocument",
    "LibraryPageDocument",
    "OrganisationDocument",
    "PostDocument",
    "SearchDocument",
    "ToolDocument",
    "TopicDocument",
    "all_documents",
    "document_for",
    "html_to_text",
    "index_definition",
    "page_url",
    "read_alias",
    "register",
    "suggestion_inputs",
    "write_alias",
]
