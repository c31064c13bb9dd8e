"""Operate the search index: compare it with the database, repair drift, rebuild without downtime."""

import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from elastic_transport import TransportError
from elasticsearch import ApiError
from tqdm import tqdm

from search import indexing, maintenance


class Command(BaseCommand):
    help = (
        "Compare the search index with the database (--check), fix differences (--repair), "
        "index pending changes (--drain) or rebuild it behind aliases without downtime (--rebuild)."
    )

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument(
            "--check", action="store_true", help="report missing, extra and stale documents per type"
        )
        action.add_argument("--repair", action="store_true", help="check, then index or remove what differs")
        action.add_argument(
            "--drain", action="store_true", help="index every change still pending in the outbox"
        )
        action.add_argument(
            "--rebuild", action="store_true", help="build a new index and swap it in atomically"
        )
        parser.add_argument("--json", action="store_true", help="print the check report as JSON")

    def handle(self, *args, **options):
        try:
            if options["rebuild"]:
                return self._rebuild()
            if options["drain"]:
                result = indexing.drain()
                if result.indexed or result.deleted:
                    indexing.renew_visitors_pages()
                self.stdout.write(
                    f"Indexed {result.indexed}, deleted {result.deleted}, superseded {result.superseded}."
                )
                return None
            reports = maintenance.check()
            self._print(reports, as_json=options["json"])
            have, wanted = maintenance.shards(reports)
            if have != wanted and not options["json"]:
                self.stdout.write(
                    self.style.WARNING(
                        f"The index has {have} shard(s) where one per "
                        f"{settings.ELASTICSEARCH_DOCUMENTS_PER_SHARD:,} documents (at most "
                        f"{settings.ELASTICSEARCH_MAX_SHARDS}) would give {wanted}: searches use one core "
                        "per shard. `manage.py search_index --rebuild` resizes it."
                    )
                )
            outdated = maintenance.outdated_fields()
            if outdated and options["repair"]:
                self.stdout.write(
                    self.style.WARNING(f"The index predates the fields {', '.join(outdated)}: rebuilding it.")
                )
                return self._rebuild()
            if outdated:
                raise CommandError(
                    f"The index predates the fields {', '.join(outdated)}, so documents with them are "
                    "refused. Run `manage.py search_index --rebuild` (or --repair, which then rebuilds)."
                )
            if options["repair"]:
                result = maintenance.repair(reports)
                self.stdout.write(
                    f"Repaired: indexed {result.indexed}, deleted {result.deleted}, "
                    f"superseded {result.superseded}."
                )
                reports = maintenance.check()
                self._print(reports, as_json=options["json"])
            if not all(report.ok for report in reports):
                raise CommandError(
                    "The index differs from the database. Run `manage.py search_index --repair`, "
                    "or `--rebuild` if it keeps differing."
                )
        except (TransportError, ApiError) as error:
            raise CommandError(
                f"Elasticsearch did not answer ({error}). Check ELASTICSEARCH_URL and that the node runs "
                "(`scripts/services status` locally), then try again."
            ) from error
        return None

    def _print(self, reports, *, as_json: bool) -> None:
        if as_json:
            self.stdout.write(
                json.dumps(
                    [
                        {
                            "type": r.document_type,
                            "in_database": r.in_database,
                            "in_index": r.in_index,
                            "missing": r.missing,
                            "extra": r.extra,
                            "stale": r.stale,
                        }
                        for r in reports
                    ]
                )
            )
            return
        for r in reports:
            line = (
                f"{r.document_type}: {r.in_database} in database, {r.in_index} in index, "
                f"{len(r.missing)} missing, {len(r.extra)} extra, {len(r.stale)} stale"
            )
            self.stdout.write(self.style.SUCCESS(line) if r.ok else self.style.WARNING(line))
            for label, ids in (("missing", r.missing), ("extra", r.extra), ("stale", r.stale)):
                if ids:
                    self.stdout.write(
                        f"  {label} ids: {', '.join(map(str, ids[:20]))}{' …' if len(ids) > 20 else ''}"
                    )

    def _rebuild(self) -> None:
        total = maintenance.indexable_count()
        with tqdm(total=total, unit="doc", desc="Indexing", file=sys.stderr, disable=None) as bar:
            try:
                name = maintenance.rebuild(
                    progress=bar.update, say=lambda text: bar.write(text, file=sys.stderr)
                )
            except RuntimeError as error:
                raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {name}"))
