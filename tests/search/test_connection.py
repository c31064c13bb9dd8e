import uuid

import pytest
from django.conf import settings
from elasticsearch.dsl import Document, Keyword, Text, connections

pytestmark = pytest.mark.integration


class Note(Document):
    title = Text()
    kind = Keyword()


@pytest.fixture
def note_index():
    name = f"{settings.ELASTICSEARCH_INDEX_PREFIX}-connection-{uuid.uuid4().hex[:8]}"
    Note.init(index=name)
    yield name
    connections.get_connection().indices.delete(index=name, ignore_unavailable=True)


def test_a_document_is_saved_found_and_deleted_on_the_local_node(note_index):
    note = Note(meta={"id": "lts-1"}, title="Costa Rica decarbonisation plan", kind="case")
    note.save(index=note_index, refresh=True)

    hits = Note.search(index=note_index).query("match", title="decarbonisation").execute()
    assert [hit.meta.id for hit in hits] == ["lts-1"]

    Note.get(id="lts-1", index=note_index).delete(index=note_index, refresh=True)
    assert Note.search(index=note_index).query("match", title="decarbonisation").count() == 0
