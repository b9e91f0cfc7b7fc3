"""What the data checks collect while the tables are counted."""

from dataclasses import dataclass, field

from msp.assurance.codelists import LoadedList
from msp.assurance.models import ListName
from msp.assurance.sac.tables import CodeListProblem, Discrepancy, Finding, PassedOn, Validation


@dataclass
class Checks:
    findings: dict[int, Finding] = field(default_factory=dict)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    code_list_problems: list[CodeListProblem] = field(default_factory=list)
    passed_on: list[PassedOn] = field(default_factory=list)

    def find(self, case_id: int, reference: str, activity: str, problem: str) -> None:
        """Add ``problem`` to the case's finding (one finding per case)."""
        found = self.findings.get(case_id)
        if found is None:
            self.findings[case_id] = Finding(case_id, reference, activity, (problem,))
        elif problem not in found.problems:
            self.findings[case_id] = Finding(
                case_id, found.reference, found.activity, (*found.problems, problem)
            )

    def unmapped(self, code_list: LoadedList, unmapped: dict[str, int], where: str) -> None:
        """Report codes ``code_list`` does not map: {code: number of records}."""
        for code, records in sorted(unmapped.items()):
            self.code_list_problems.append(
                CodeListProblem(
                    code_list=ListName(code_list.name).label,
                    version=code_list.version,
                    code=code,
                    records=records,
                    counted_in=code_list.fallback,
                    where=where,
                )
            )

    def compare(self, title: str, explanation: str, *figures: tuple[str, int]) -> None:
        """Record a discrepancy when the figures are not all equal."""
        if len({value for _, value in figures}) > 1:
            self.discrepancies.append(Discrepancy(title, tuple(figures), explanation))

    def result(self) -> Validation:
        return Validation(
            findings=tuple(sorted(self.findings.values(), key=lambda f: f.reference)),
            discrepancies=tuple(self.discrepancies),
            code_list_problems=tuple(self.code_list_problems),
            passed_on=tuple(sorted(self.passed_on, key=lambda p: p.reference)),
        )
