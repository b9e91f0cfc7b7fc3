"""The team question on forms that create something for a team (adding a
person, raising a concern). Shown only to people not tied to one team, such as
safeguarding leads; everyone else works for their own team."""

from django import forms

from msp.accounts.access import picks_team
from msp.accounts.models import Team, User


def add_team_choice(form: forms.Form, user: User, *, label: str) -> None:
    if not picks_team(user):
        return
    form.fields["team"] = forms.ModelChoiceField(
        label=label,
        queryset=Team.objects.order_by("name"),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": "Select the team",
            "invalid_choice": "Select a team from the list",
        },
    )
