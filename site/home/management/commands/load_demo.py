"""Load Lodestar's demo content: run by `make run` on an empty database, safe to run again.

Each app that has demo content provides a `demo` module (`lodestar.members.demo`, `cases.demo`,
`forum.demo`, ...) with a `load(*, out, scale)` function; they run in INSTALLED_APPS order, so
members exist before the case studies and topics that name them.
"""

import importlib
import importlib.util

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


def demo_modules():
    for app_config in apps.get_app_configs():
        name = f"{app_config.name}.demo"
        if importlib.util.find_spec(name) is not None:
            yield importlib.import_module(name)


class Command(BaseCommand):
    help = "Create the demo content (idempotent); --scale N adds N synthetic case studies and tools."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            help="Also generate this many synthetic documents, for benchmarks.",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when demo content is already there (used by `make run`).",
        )

    def handle(self, *args, scale, if_empty, **options):
        from lodestar.members.demo import demo_loaded

        if if_empty and demo_loaded():
            self.stdout.write("Demo content is already loaded.")
            return
        for module in demo_modules():
            self.stdout.write(f"Loading {module.__name__} ...")
            with transaction.atomic():
                module.load(out=self.stdout, scale=scale)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
