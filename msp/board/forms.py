from collections.abc import Mapping, Sequence
from typing import Any

from django import forms

from msp.accounts.models import Team
from msp.assurance.period import QUARTER_MONTHS, Period, quarter_label, year_label
from msp.govuk.forms import GovukForm


class FilterForm(GovukForm):
    """Which figures to show: a reporting year, perhaps one quarter of it, and
    one team or all of them. Sent by GET."""

    year = forms.TypedChoiceField(
        label="Reporting year",
        coerce=int,
        error_messages={
            "required": "Select a reporting year",
            "invalid_choice": "Select a reporting year from the list",
        },
    )
    quarter = forms.TypedChoiceField(
        label="Quarter",
        coerce=int,
        required=False,
        empty_value=None,
        choices=[("", "Whole year"), *((q, quarter_label(q)) for q in QUARTER_MONTHS)],
        error_messages={"invalid_choice": "Select a quarter from the list"},
    )
    team = forms.TypedChoiceField(
        label="Team",
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": "Select a team from the list"},
    )

    def __init__(
        self, data: Mapping[str, Any], *, years: Sequence[int], teams: Sequence[Team]
    ) -> None:
        super().__init__(data)
        self.fields["year"].choices = [(y, year_label(y)) for y in years]  # type: ignore[attr-defined]
        self.fields["team"].choices = [("", "All teams"), *((t.pk, t.name) for t in teams)]  # type: ignore[attr-defined]
        self.teams = {t.pk: t for t in teams}

    def chosen_period(self) -> Period:
        return Period(self.cleaned_data["year"], self.cleaned_data["quarter"])

    def chosen_team(self) -> Team | None:
        team_id = self.cleaned_data["team"]
        return None if team_id is None else self.teams[team_id]
