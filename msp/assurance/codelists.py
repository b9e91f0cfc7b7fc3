"""Reading the code lists that apply to a reporting year.

For each list name, the version that applies to year Y is the one with the
latest ``first_year`` on or before Y. A year before every version of a list
has no return (``NoCodeLists``).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Min

from msp.assurance.models import CodeList, ListName
from msp.assurance.period import year_code


class NoCodeLists(LookupError):
    """No version of some code list applies to the year asked for."""


@dataclass(frozen=True)
class Row:
    label: str
    only_if_counted: bool = False


@dataclass
class Mapped:
    """Counts mapped onto a list's rows, with what could not be placed."""

    counts: dict[str, int]
    # Codes the list does not map (blank answers aside): {code: number of records}.
    unmapped: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class LoadedList:
    name: str
    first_year: int
    rows: tuple[Row, ...]
    codes: dict[str, str]  # local code -> row label
    fallback: str | None

    @property
    def labels(self) -> list[str]:
        return [r.label for r in self.rows]

    @property
    def version(self) -> str:
        return year_code(self.first_year)

    def label_for(self, code: str) -> str | None:
        """The row a code counts in: its mapping, else the fallback row, else None."""
        return self.codes.get(code, self.fallback)

    def map_counts(self, counts: Iterable[tuple[str, int]]) -> Mapped:
        """Add up ``(code, count)`` pairs into rows. Blank answers and codes the
        list does not map go to the fallback row when there is one. Unmapped
        codes are returned for the data checks (blank answers are listed there
        case by case)."""
        result = Mapped(counts=dict.fromkeys(self.labels, 0))
        for code, n in counts:
            code = code or ""
            if code and code not in self.codes:
                result.unmapped[code] = result.unmapped.get(code, 0) + n
            label = self.label_for(code)
            if label is not None:
                result.counts[label] += n
        return result

    def visible_rows(self, counts: dict[str, int]) -> list[str]:
        return [r.label for r in self.rows if not r.only_if_counted or counts.get(r.label)]


def earliest_year() -> int | None:
    """The first reporting year that every list has a version for."""
    firsts: dict[str, int] = {
        row["name"]: row["first"]
        for row in CodeList.objects.values("name").annotate(first=Min("first_year")).order_by()
    }
    if set(firsts) != set(ListName.values):
        return None
    return max(firsts.values())


def code_lists_for(year: int) -> dict[str, LoadedList]:
    """Every list as it applies to ``year``, keyed by list name."""
    chosen: dict[str, CodeList] = {}
    for code_list in CodeList.objects.filter(first_year__lte=year).order_by("first_year"):
        chosen[code_list.name] = code_list  # later versions replace earlier ones
    missing = sorted(set(ListName.values) - set(chosen))
    if missing:
        names = ", ".join(ListName(m).label.lower() for m in missing)
        raise NoCodeLists(f"There are no code lists for {year_code(year)} ({names}).")
    lists = CodeList.objects.filter(pk__in=[c.pk for c in chosen.values()]).prefetch_related(
        "categories__mappings"
    )
    loaded = {}
    for code_list in lists:
        categories = list(code_list.categories.all())
        loaded[code_list.name] = LoadedList(
            name=code_list.name,
            first_year=code_list.first_year,
            rows=tuple(Row(c.label, c.only_if_counted) for c in categories),
            codes={m.code: c.label for c in categories for m in c.mappings.all()},
            fallback=next((c.label for c in categories if c.fallback), None),
        )
    return loaded
