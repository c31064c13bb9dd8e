"""What both security matrices share: a table of kind x channel -> the roles that see it, or why not.

Each matrix lists, for every kind of private thing and every channel, the roles that see it or a
`NotApplicable` reason; every other cell is asserted. These helpers turn a table into test cells and
check that the table is complete, so a new channel or kind cannot be left out silently.
"""


class NotApplicable(str):
    """A channel that cannot carry this kind of thing; the text says why."""


def cells(expected: dict, channels: list[str], roles: list[str]) -> list[tuple[str, str, str]]:
    """Every (kind, channel, role) whose channel applies to the kind."""
    return [
        (kind, channel, role)
        for kind, row in expected.items()
        for channel in channels
        if not isinstance(row[channel], NotApplicable)
        for role in roles
    ]


def assert_complete(expected: dict, channels: list[str], roles: list[str], observers: dict, named) -> None:
    """Every kind names every channel in order, every channel has an observer, every kind a name."""
    assert set(observers) == set(channels)
    for kind, row in expected.items():
        assert list(row) == channels, f"{kind}: every channel, in order, with roles or a reason"
        assert kind in named
    not_applicable = sum(isinstance(row[c], NotApplicable) for row in expected.values() for c in channels)
    assert len(cells(expected, channels, roles)) == (len(expected) * len(channels) - not_applicable) * len(
        roles
    )
