import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from msp.audit.models import AuditEvent
from msp.cases.actions import allocate_case
from msp.cases.models import Case
from msp.enquiries import actions as enquiry_actions
from tests import factories
from tests import record_factories as rf
from tests.factories import fresh
from tests.web.conftest import text_of, views_of, whole_case


def test_case_page_shows_the_case(client_for, practitioner, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    response = client.get(reverse("cases:detail", args=[case.pk]))
    assert response.status_code == 200
    text = text_of(response)
    assert f"Case {case.reference}" in text
    assert case.person.full_name in text
    assert "An enquiry is under way with the person." in text
    assert "I want to feel safe in my own home (1)" in text
    assert "In the person's own words" in text
    # The record and the chronology are on their own pages, not the overview
    assert "taking money from her purse" not in text
    assert 'class="moj-timeline"' not in response.content.decode()
    concern = text_of(client.get(reverse("cases:section-concern", args=[case.pk])))
    assert "taking money from her purse" in concern
    assert "Financial or material abuse" in concern
    assert "Bank statements show regular cash withdrawals" in concern
    chronology = client.get(reverse("cases:chronology", args=[case.pk]))
    assert "Concern raised by Pat Okafor" in text_of(chronology)
    assert "Enquiry started by Pat Okafor" in text_of(chronology)
    assert 'class="moj-timeline"' in chronology.content.decode()


def test_case_page_shows_contact_safety_next_to_contact_details(client_for, practitioner):
    person = factories.person(practitioner, safe_to_phone="not_safe", do_not_tell="Her son, Gary")
    case = factories.case(practitioner, about=person)
    text = text_of(client_for(practitioner).get(reverse("cases:detail", args=[case.pk])))
    assert "Warning Do not phone this person." in text
    assert "Must not be told: Her son, Gary" in text
    assert text.index("Contact details") < text.index("Do not phone") < text.index("Address")


def test_viewing_a_case_is_audited(client_for, practitioner, case_in):
    case = case_in("triage")
    before = views_of(case)
    client_for(practitioner).get(reverse("cases:detail", args=[case.pk]))
    assert views_of(case) == before + 1
    event = AuditEvent.objects.filter(action="view", case_id=case.pk).last()
    assert event.user == practitioner and event.channel == "web"


@pytest.mark.parametrize("who", ["outsider", "board_member", "auditor", "administrator"])
def test_case_page_is_404_for_outsiders(request, client_for, case_in, who):
    case = case_in()
    user = request.getfixturevalue(who)
    assert client_for(user).get(reverse("cases:detail", args=[case.pk])).status_code == 404
    assert views_of(case) == 0


def test_other_team_manager_reads_the_case_without_buttons(client_for, other_manager, case_in):
    case = case_in("triage")
    response = client_for(other_manager).get(reverse("cases:detail", args=[case.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("concerns:decision", args=[case.pk]) not in html
    assert "Record the section 42 decision" not in html


def test_case_page_is_get_only(client_for, practitioner, case_in):
    case = case_in()
    assert client_for(practitioner).post(reverse("cases:detail", args=[case.pk])).status_code == 405


@pytest.mark.parametrize(
    ("state", "shown", "hidden"),
    [
        ("raised", ["Start triage"], ["Record the section 42 decision", "Close the case"]),
        ("triage", ["Record the section 42 decision", "Add a desired outcome"], ["Start triage"]),
        ("decided", ["Start the enquiry", "Record the section 42 decision"], ["Start triage"]),
        (
            "enquiry",
            ["Add a desired outcome", "Start closing the case", "Revisit"],
            ["Start the enquiry"],
        ),
        ("closing", ["Close the case", "Return to the enquiry", "Record achievement"], ["Revisit"]),
        ("closed", ["Reopen the case"], ["Close the case", "Revisit", "Record achievement"]),
    ],
)
def test_buttons_follow_the_workflow(client_for, manager, case_in, state, shown, hidden):
    case = case_in(state)
    text = text_of(client_for(manager).get(reverse("cases:detail", args=[case.pk])))
    for label in shown:
        assert label in text, label
    for label in hidden:
        assert label not in text, label


def test_start_triage(client_for, practitioner, case_in):
    case = case_in()
    client = client_for(practitioner)
    response = client.post(
        reverse("concerns:start-triage", args=[case.pk]), {"version": case.version}
    )
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    assert Case.objects.get(pk=case.pk).state == "triage"
    page = text_of(client.get(response["Location"]))
    assert "Triage started" in page  # banner and chronology


def test_a_button_for_a_step_already_taken_is_a_409_with_the_reason(
    client_for, practitioner, case_in
):
    case = case_in()
    client = client_for(practitioner)
    client.post(reverse("concerns:start-triage", args=[case.pk]), {"version": case.version})
    again = client.post(
        reverse("concerns:start-triage", args=[case.pk]), {"version": case.version + 1}
    )
    assert again.status_code == 409
    assert "You cannot start triage while the case is at 'Triage'" in text_of(again)
    assert "<title>Error: Case" in again.content.decode()


def test_a_stale_button_is_a_409_naming_who_changed_it(
    client_for, practitioner, colleague, case_in
):
    case = case_in()
    client_for(colleague).post(
        reverse("concerns:start-triage", args=[case.pk]), {"version": case.version}
    )
    response = client_for(practitioner).post(
        reverse("concerns:start-triage", args=[case.pk]), {"version": case.version}
    )
    assert response.status_code == 409
    assert "Cal Reyes changed this record" in text_of(response)


def test_case_buttons_check_access_and_method(
    client_for, other_manager, outsider, practitioner, case_in
):
    case = case_in()
    url = reverse("concerns:start-triage", args=[case.pk])
    assert client_for(other_manager).post(url, {"version": case.version}).status_code == 403
    assert client_for(outsider).post(url, {"version": case.version}).status_code == 404
    assert client_for(practitioner).get(url).status_code == 405
    assert Case.objects.get(pk=case.pk).state == "raised"


@pytest.mark.parametrize(
    ("url_name", "state", "target"),
    [
        ("enquiries:start", "decided", "enquiry"),
        ("enquiries:start-closing", "enquiry", "closing"),
        ("enquiries:return", "closing", "enquiry"),
    ],
)
def test_other_case_buttons(
    client_for, practitioner, other_manager, outsider, case_in, url_name, state, target
):
    case = case_in(state)
    if case.lead_worker_id is None:  # the enquiry starts with the case allocated
        decider = factories.decider_for(practitioner, case)
        case = allocate_case(case, by=decider, worker=practitioner, expected_version=case.version)
    url = reverse(url_name, args=[case.pk])
    assert client_for(practitioner).get(url).status_code == 405
    assert client_for(outsider).post(url, {"version": case.version}).status_code == 404
    assert client_for(other_manager).post(url, {"version": case.version}).status_code == 403
    response = client_for(practitioner).post(url, {"version": case.version})
    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).state == target


def fill_record(case, by, cosigner, copies):
    """``copies`` records of every kind that a case can have several of, and
    the one-per-case records."""
    for n in range(copies):
        assessment = rf.capacity(
            case, by, retain="unable", impairment="yes", impairment_evidence="Dementia."
        )
        rf.best_interests(case, by, capacity_assessment=assessment)
        rf.advocacy(case, by)
        rf.contact(case, by)
        rf.risk_action(case, by)
        override = rf.override(case, by, cosigner=cosigner)
        if n % 2:
            enquiry_actions.cosign_override(override, by=cosigner)
        rf.plan_action(case, by, outcome=case.desired_outcomes.first())
        rf.clutter_rating(case, by)
        rf.feedback(case, by)
        rf.escalation(case, by)
        rf.note(case, by)
    rf.risk_assessment(case, by)
    rf.plan(case, by)
    rf.self_neglect(case, by)
    rf.involvement(case, by)
    rf.death(case, by)


CASE_PAGES = [
    ("cases:detail", ()),
    ("cases:section-concern", ()),
    ("cases:section-capacity", ()),
    ("cases:section-contact", ()),
    ("cases:section-plan", ()),
    ("cases:chronology", ()),
    ("cases:documents", ()),
]


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(("name", "args"), CASE_PAGES)
def test_case_pages_queries_do_not_grow_with_the_record(
    client_for, practitioner, manager, django_assert_max_num_queries, name, args
):
    small = factories.case(practitioner, state="enquiry", outcomes=1)
    fill_record(small, practitioner, manager, copies=1)
    big = factories.case(practitioner, state="enquiry", outcomes=4)
    fill_record(big, practitioner, manager, copies=4)
    for _ in range(30):  # a long chronology
        rf.note(big, practitioner)
    client = client_for(manager)
    # The session's idle clock is written at most every few minutes, on the
    # first request here: made before counting, so both counts are like for like.
    client.get(reverse("cases:my-cases"))
    assert count_queries(client, reverse(name, args=[small.pk, *args])) == count_queries(
        client, reverse(name, args=[big.pk, *args])
    )
    # Under 20 on SQLite and PostgreSQL (where writing the view event into the
    # audit chain takes the chain's advisory lock first).
    with django_assert_max_num_queries(19):
        client.get(reverse(name, args=[big.pk, *args]))


def test_the_overview_and_the_guard_read_the_record_once(client_for, practitioner, manager):
    case = factories.case(practitioner, state="enquiry", outcomes=2)
    fill_record(case, practitioner, manager, copies=2)
    client = client_for(manager)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("cases:detail", args=[case.pk]))
    for table in ("enquiries_contact", "enquiries_capacityassessment", "enquiries_casenote"):
        reads = [q for q in queries.captured_queries if f'"{table}"' in q["sql"]]
        assert len(reads) == 1, table  # inside the one query for the case
    # and the guard's questions are there, built from those rows
    assert "Questions about this case" in text_of(page)


def test_the_record_sections_show_everything(client_for, practitioner, manager):
    case = factories.case(practitioner, state="enquiry", outcomes=4)
    fill_record(case, practitioner, manager, copies=4)
    text = text_of(whole_case(client_for(manager), case.pk))
    assert text.count("Capacity to decide: Whether to let her son manage her bank account") == 8
    assert text.count("Co-sign this decision") == 2
    assert "The person has died" in text


def test_each_page_view_is_one_audit_event(client_for, practitioner, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    for name, args in CASE_PAGES:
        before = views_of(case)
        client.get(reverse(name, args=[case.pk, *args]))
        assert views_of(case) == before + 1, name


def test_sub_navigation_marks_the_current_page(client_for, practitioner, case_in):
    case = case_in("enquiry")
    html = client_for(practitioner).get(reverse("cases:section-plan", args=[case.pk]))
    nav = html.content.decode()
    assert 'class="moj-sub-navigation"' in nav
    assert f'href="/cases/{case.pk}/record/plan/" aria-current="page"' in nav
    assert nav.count('aria-current="page"') == 1


def test_old_anchors_on_the_case_page_lead_to_their_section(client_for, practitioner, case_in):
    case = case_in("enquiry")
    html = client_for(practitioner).get(reverse("cases:detail", args=[case.pk])).content.decode()
    for anchor, slug in [("overrides", "capacity"), ("plan", "plan"), ("notes", "contact")]:
        assert f'id="{anchor}" href="/cases/{case.pk}/record/{slug}/#{anchor}"' in html


def test_an_unknown_section_is_404(client_for, practitioner, case_in):
    case = case_in("enquiry")
    url = f"/cases/{case.pk}/record/nothing/"
    assert client_for(practitioner).get(url).status_code == 404


def test_chronology_is_paginated_and_filtered(client_for, practitioner, case_in):
    case = case_in("enquiry")
    for n in range(30):
        rf.note(case, practitioner, text=f"Note number {n}")
    client = client_for(practitioner)
    url = reverse("cases:chronology", args=[case.pk])
    first = text_of(client.get(url))
    assert "Note number 29" in first and "Note number 0" not in first  # newest first
    assert "Next page" in first
    second = text_of(client.get(url + "?page=2"))
    assert "Note number 0" in second and "Concern raised by Pat Okafor" in second
    steps = text_of(client.get(url + "?kind=steps"))
    assert "Enquiry started by Pat Okafor" in steps and "Case note added" not in steps
    bad = client.get(url + "?kind=nonsense")
    assert bad.status_code == 200 and "Select" in text_of(bad)


def test_after_a_decision_the_primary_button_starts_the_enquiry(client_for, manager, case_in):
    case = case_in("decided")
    html = client_for(manager).get(reverse("cases:detail", args=[case.pk])).content.decode()
    group = html[html.index('class="govuk-button-group"') :]
    group = group[: group.index("</div>")]
    assert group.count('class="govuk-button" data-module') == 1  # one primary button
    primary = group.index('class="govuk-button" data-module')
    assert group.index("Start the enquiry", primary) < group.index("Record the section 42 decision")


def test_wishes_at_the_concern_become_the_first_desired_outcome(client_for, practitioner):
    case = factories.case(
        practitioner, state="enquiry", outcomes=1, person_wishes="I want my money to stay safe."
    )
    client = client_for(practitioner)
    overview = text_of(client.get(reverse("cases:detail", args=[case.pk])))
    assert "Said at the concern: “I want my money to stay safe.”" in overview
    response = client.post(
        reverse("enquiries:carry-wishes", args=[case.pk]), {"version": fresh(case).version}
    )
    assert response.status_code == 302
    outcomes = list(case.desired_outcomes.order_by("created_at", "id"))
    assert [o.current.text for o in outcomes] == [
        "I want my money to stay safe.",
        "I want to feel safe in my own home (1)",
    ]
    assert outcomes[0].said_at_concern_id == case.concerns.get().pk
    page = text_of(client.get(reverse("cases:detail", args=[case.pk])))
    said = page.index("Said at the concern")
    assert page.index("Desired outcome 1") < said < page.index("Desired outcome 2")
    assert said < page.index("I want to feel safe in my own home (1)")
    assert "Record as their first desired outcome" not in page
    # Never twice
    again = client.post(
        reverse("enquiries:carry-wishes", args=[case.pk]), {"version": fresh(case).version}
    )
    assert again.status_code == 302 and case.desired_outcomes.count() == 2
    chronology = text_of(client.get(reverse("cases:chronology", args=[case.pk])))
    assert "What the person said at the concern recorded as a desired outcome" in chronology


def test_wishes_already_in_an_outcome_are_not_offered(client_for, practitioner):
    case = factories.case(
        practitioner,
        state="enquiry",
        outcomes=1,
        person_wishes="I want to feel safe in my own home (1)",
    )
    text = text_of(client_for(practitioner).get(reverse("cases:detail", args=[case.pk])))
    assert "Said at the concern" not in text
