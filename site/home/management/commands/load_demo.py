"""Load Lodestar's demo content: run by every `make run`, and idempotent (a second run adds nothing).

Each app that has demo content provides a `demo` module (`lodestar.members.demo`, `cases.demo`,
`forum.demo`, ...) with a `load(*, out, scale)` function; they run in INSTALLED_APPS order, so
members exist before the case studies and topics that name them.
"""

import contextlib
import importlib
import importlib.util
import logging

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


def demo_modules():
    for app_config in apps.get_app_configs():
        name = f"{app_config.name}.demo"
        if importlib.util.find_spec(name) is not None:
            yield importlib.import_module(name)


@contextlib.contextmanager
def page_log_quiet(verbosity: int):
    """Keep Wagtail's line per page created, edited, aliased and published (hundreds of them) out
    of the output, which then shows the steps and their progress; -v 2 shows them again."""
    logger = logging.getLogger("wagtail")
    before = logger.level
    if verbosity < 2:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(before)


class Command(BaseCommand):
    help = "Create the demo content (idempotent); --scale N adds N synthetic case studies and tools."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            help="Also generate this many synthetic documents, for benchmarks.",
        )

    def handle(self, *args, scale, verbosity, **options):
        with page_log_quiet(verbosity):
            for module in demo_modules():
                self.stdout.write(f"Loading {module.__name__} ...")
                with transaction.atomic():
                    module.load(out=self.stdout, scale=scale)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
