"""The service navigation: its items, and which pages belong to each."""

from dataclasses import dataclass


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    pages: frozenset[str]


NAVIGATION = (
    NavItem("My cases", "cases:my-cases", frozenset({"cases:my-cases"})),
    NavItem("Team cases", "cases:team-cases", frozenset({"cases:team-cases"})),
    NavItem("Raise a concern", "concerns:start", frozenset({"concerns:start", "concerns:raise"})),
    NavItem(
        "Find a person",
        "people:find",
        frozenset({"people:find", "people:create", "people:detail", "people:edit"}),
    ),
)
