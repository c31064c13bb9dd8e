"""Content changes reach the index through the real Celery worker, and nothing is lost."""

import threading

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection, transaction
from django.db.models import F

from search import indexing, maintenance
from search.models import IndexOutbox
from search.selectors import SearchRequest, search_content
from tests.search.conftest import refresh
from tests.search.factories import member_organisation, members_group, rename

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def titles(query: str, user=None) -> list[str]:
    refresh()
    results = search_content(user=user or AnonymousUser(), request=SearchRequest(query=query))
    return [str(hit.title).replace("<mark>", "").replace("</mark>", "") for hit in results.hits]


def test_a_new_member_organisation_becomes_findable_through_the_worker(search_index, tasks):
    member_organisation("Illustrative Office for Decarbonisation", country="CR")
    tasks.wait()

    assert titles("decarbonisation office") == ["Illustrative Office for Decarbonisation"]


def test_renaming_and_deleting_an_organisation_update_the_index(search_index, tasks):
    organisation = member_organisation("Illustrative Heat Pump Agency")
    tasks.wait()
    rename(organisation, "Illustrative Geothermal Agency")
    tasks.wait()
    assert titles("heat pump") == []
    assert titles("geothermal") == ["Illustrative Geothermal Agency"]

    with transaction.atomic():
        organisation.delete()
    tasks.wait()
    assert titles("geothermal") == []
    assert not IndexOutbox.objects.filter(indexed_version__lt=F("version")).exists()


def test_an_organisation_without_members_is_not_listed(search_index, tasks):
    organisation = member_organisation("Illustrative Transit Authority")
    tasks.wait()
    assert titles("transit authority") == ["Illustrative Transit Authority"]

    profile = organisation.profiles.get()
    with transaction.atomic():
        profile.user.groups.clear()
    tasks.wait()
    assert titles("transit authority") == []


def test_a_document_elasticsearch_refuses_does_not_hold_back_the_others(search_index):
    target = indexing.write_targets()[0]
    good = {"content_type": "organisation", "object_id": "1", "title": "Fine", "visibility": "public"}
    bad = {**good, "object_id": "2", "date": "not a date"}

    result = indexing.send_actions(
        [
            {"_op_type": "index", "_index": target, "_id": "organisation-2", "_source": bad},
            {"_op_type": "index", "_index": target, "_id": "organisation-1", "_source": good},
        ]
    )

    assert result.indexed == 1
    assert list(result.failed) == ["organisation-2"]
    assert "date" in result.failed["organisation-2"]


def test_an_older_version_delivered_after_a_newer_one_does_not_win(search_index, tasks):
    organisation = member_organisation("Illustrative Solar Cooperative")
    tasks.wait()
    old_version = IndexOutbox.objects.get(document_type="organisation", object_id=organisation.pk).version

    rename(organisation, "Illustrative Wind Cooperative")
    tasks.wait()
    assert titles("cooperative") == ["Illustrative Wind Cooperative"]

    # A late task still carrying the old state (version) arrives now: Elasticsearch refuses it.
    stale = {
        "_op_type": "index",
        "_index": indexing.target_alias(indexing.indexes_behind(search_index)[0]),
        "_id": f"organisation-{organisation.pk}",
        "version": old_version,
        "version_type": "external_gte",
        "_source": {
            "content_type": "organisation",
            "object_id": str(organisation.pk),
            "title": "Illustrative Solar Cooperative",
            "visibility": "public",
        },
    }
    result = indexing.send_actions([stale])
    assert result.superseded == 1
    assert titles("cooperative") == ["Illustrative Wind Cooperative"]


def test_members_moving_or_leaving_update_both_organisations(search_index, tasks):
    from lodestar.members.services import account_delete

    first = member_organisation("Illustrative Hydrogen Council")
    second = member_organisation("Illustrative Biogas Council", members=0)
    tasks.wait()
    assert titles("council") == ["Illustrative Hydrogen Council"]

    profile = first.profiles.get()
    with transaction.atomic():
        profile.organisation = second
        profile.save()
    tasks.wait()
    assert titles("council") == ["Illustrative Biogas Council"]

    account_delete(user=profile.user)
    tasks.wait()
    assert titles("council") == []


def test_a_delete_is_versioned_from_the_read_that_found_the_object_gone(search_index, tasks):
    """The race: a sync reads "gone", the object comes back and is indexed, then the delete lands.

    Forced here: right after the sync has read the objects (and found the organisation without
    members), another connection gives it a member again and the worker indexes that state. A
    delete stamped with a version read afterwards would carry the new version and remove the
    document of an organisation that may be found, leaving it marked as indexed.
    """
    organisation = member_organisation("Illustrative Tidal Energy Office")
    tasks.wait()
    user = organisation.profiles.get().user
    with transaction.atomic():
        user.groups.clear()  # no members: it may no longer be found
    tasks.wait()
    assert titles("tidal") == []

    def comes_back():
        try:
            with transaction.atomic():
                user.groups.add(members_group())
        finally:
            connection.close()

    interleaved = []

    def after_the_objects_are_read(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if not interleaved and '"members_organisation"' in sql:
            interleaved.append(sql)
            thread = threading.Thread(target=comes_back)
            thread.start()
            thread.join()
            tasks.wait()  # the worker indexes the organisation with its new version
        return result

    # A second delivery of the task for the "no members" change (a retry, or the drain).
    with connection.execute_wrapper(after_the_objects_are_read):
        indexing.sync_objects([("organisation", organisation.pk)])
    tasks.wait()

    assert interleaved, "the interleaving was not forced"
    assert titles("tidal") == ["Illustrative Tidal Energy Office"]
    assert [r.missing for r in maintenance.check() if r.document_type == "organisation"] == [[]]
