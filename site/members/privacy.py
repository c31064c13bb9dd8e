"""What each app holds about a person, for data download and account deletion.

Apps register a section in their AppConfig.ready(): `register_export("forum_posts", func)` where
func(user) returns JSON-serialisable data about that user only.
"""

from collections.abc import Callable

_exporters: dict[str, Callable] = {}


def register_export(section: str, exporter: Callable) -> None:
    _exporters[section] = exporter


def exporters() -> dict[str, Callable]:
    return dict(_exporters)
