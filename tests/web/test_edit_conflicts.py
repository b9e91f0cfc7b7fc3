"""Two people change the same record: the second to save sees the first
person's change, keeps only what they changed themselves, and saving again
never reverts the other person's change (a three-way merge on the version
they started from)."""

from html.parser import HTMLParser

from django.urls import reverse

from msp.enquiries.models import SafeguardingPlan
from msp.govuk.merge import read_base
from msp.people.models import Person
from tests import factories
from tests import record_factories as rf
from tests.web.conftest import text_of


class _Fields(HTMLParser):
    """What a browser would send for the page's form: inputs, ticked boxes,
    text areas and chosen options."""

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        name = a.get("name", "")
        if tag == "input" and name and a.get("type") not in ("submit", "button"):
            if a.get("type") in ("radio", "checkbox") and "checked" not in a:
                return
            self.data.setdefault(name, []).append(a.get("value", "on" if "checked" in a else ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = [""]
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.data.setdefault(self._select, []).append(a.get("value", ""))

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.data[self._textarea][0] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            if self._textarea:
                self.data[self._textarea][0] = self.data[self._textarea][0].removeprefix("\n")
            self._textarea = None
        elif tag == "select":
            self._select = None


def form_of(response) -> dict[str, list[str]]:
    parser = _Fields()
    parser.feed(response.content.decode())
    parser.data.pop("csrfmiddlewaretoken", None)
    return parser.data


def test_a_conflict_keeps_both_changes(client_for, practitioner, colleague, case_in):
    case = case_in("enquiry")
    rf.plan(case, practitioner, pace="Slowly", person_involvement="Wrote it with her")
    url = reverse("enquiries:plan", args=[case.pk])
    a, b = client_for(practitioner), client_for(colleague)
    a_form, b_form = form_of(a.get(url)), form_of(b.get(url))
    assert read_base(a_form["base"][0]) is not None

    # B changes the pace and saves
    assert b.post(url, {**b_form, "pace": ["Cal's pace"]}).status_code == 302
    # A changes how the person was involved, from the version A opened
    response = a.post(url, {**a_form, "person_involvement": ["At the day centre"]})
    assert response.status_code == 409
    page = text_of(response)
    assert "Someone else changed this record" in page
    assert "Cal's pace" in page  # B's change is shown in the table
    shown = form_of(response)
    assert shown["pace"] == ["Cal's pace"]  # a field A did not change takes B's value
    assert shown["person_involvement"] == ["At the day centre"]  # A's change is kept
    assert int(shown["version"][0]) == SafeguardingPlan.objects.get(case=case).version

    # A saves again: nothing B did is reverted
    assert a.post(url, shown).status_code == 302
    plan = SafeguardingPlan.objects.get(case=case)
    assert plan.pace == "Cal's pace"
    assert plan.person_involvement == "At the day centre"


def test_both_changed_the_same_field(client_for, practitioner, colleague, case_in):
    case = case_in("enquiry")
    rf.plan(case, practitioner, pace="Slowly")
    url = reverse("enquiries:plan", args=[case.pk])
    a, b = client_for(practitioner), client_for(colleague)
    a_form, b_form = form_of(a.get(url)), form_of(b.get(url))
    b.post(url, {**b_form, "pace": ["Cal's pace"]})
    response = a.post(url, {**a_form, "pace": ["My pace"]})
    assert response.status_code == 409
    assert form_of(response)["pace"] == ["My pace"]
    assert "You both changed" in text_of(response)
    assert SafeguardingPlan.objects.get(case=case).pace == "Cal's pace"


def test_a_person_edited_by_two_people(client_for, practitioner, colleague):
    person = factories.person(practitioner)
    url = reverse("people:edit", args=[person.pk])
    a, b = client_for(practitioner), client_for(colleague)
    a_form, b_form = form_of(a.get(url)), form_of(b.get(url))
    assert b.post(url, {**b_form, "given_name": ["Zoë"]}).status_code == 302
    response = a.post(url, {**a_form, "family_name": ["Boothroyd-Smith"]})
    assert response.status_code == 409
    shown = form_of(response)
    assert shown["given_name"] == ["Zoë"] and shown["family_name"] == ["Boothroyd-Smith"]
    assert a.post(url, shown).status_code == 302
    person = Person.objects.get(pk=person.pk)
    assert (person.given_name, person.family_name) == ("Zoë", "Boothroyd-Smith")


def test_a_base_changed_in_the_browser_is_ignored(client_for, practitioner, colleague, case_in):
    case = case_in("enquiry")
    rf.plan(case, practitioner, pace="Slowly")
    url = reverse("enquiries:plan", args=[case.pk])
    a, b = client_for(practitioner), client_for(colleague)
    a_form, b_form = form_of(a.get(url)), form_of(b.get(url))
    b.post(url, {**b_form, "pace": ["Cal's pace"]})
    response = a.post(url, {**a_form, "base": ["forged"], "person_involvement": ["Mine"]})
    assert response.status_code == 409
    # Without a trustworthy base, everything A typed is kept, as before.
    assert form_of(response)["pace"] == ["Slowly"]


def test_a_person_with_an_estimated_age_stays_estimated(client_for, practitioner, colleague):
    """The merge starts from what the form shows (an age, not a made-up date)."""
    person = factories.person(practitioner)
    Person.objects.filter(pk=person.pk).update(date_of_birth_estimated=True)
    url = reverse("people:edit", args=[person.pk])
    a, b = client_for(practitioner), client_for(colleague)
    a_form, b_form = form_of(a.get(url)), form_of(b.get(url))
    assert a_form.get("date_of_birth-day") == [""]
    assert b.post(url, {**b_form, "given_name": ["Zoë"]}).status_code == 302
    response = a.post(url, {**a_form, "family_name": ["Boothroyd"]})
    assert response.status_code == 409
    shown = form_of(response)
    assert shown["date_of_birth-day"] == [""] and shown["estimated_age"] == a_form["estimated_age"]
    assert shown["given_name"] == ["Zoë"]
