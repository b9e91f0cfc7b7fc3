"""Validators and business rules, without HTTP or the database."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from msp.concerns.rules import concern_errors, decision_errors
from msp.enquiries.rules import closure_errors, outcome_errors
from msp.people.validators import (
    nhs_number_is_valid,
    validate_adult_date_of_birth,
    years_between,
)
from tests import factories


@pytest.mark.parametrize("number", ["9434765919", "943 476 5919", "943-476-5919"])
def test_valid_nhs_numbers_pass_the_check_digit(number):
    assert nhs_number_is_valid(number)


@pytest.mark.parametrize(
    "number",
    ["9434765918", "943476591", "94347659190", "abcdefghij", "", "1000000010"],
)
def test_invalid_nhs_numbers_fail(number):
    # 1000000010: the check digit works out as 10, which is never issued
    assert not nhs_number_is_valid(number)


def test_generated_test_range_numbers_are_valid():
    for seed in range(1, 50):
        number = factories.nhs_number(seed)
        assert number.startswith("999")
        assert nhs_number_is_valid(number)


def test_adults_only():
    today = timezone.localdate()
    seventeen = today.replace(year=today.year - 17)
    with pytest.raises(ValidationError, match="at least 18 years ago"):
        validate_adult_date_of_birth(seventeen)
    validate_adult_date_of_birth(today.replace(year=today.year - 18) - datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="in the past"):
        validate_adult_date_of_birth(today + datetime.timedelta(days=1))


def test_age_counts_birthdays_not_calendar_years():
    born = datetime.date(1960, 6, 15)
    assert years_between(born, datetime.date(2025, 6, 14)) == 64
    assert years_between(born, datetime.date(2025, 6, 15)) == 65


def _concern(**overrides):
    return {**factories.CONCERN, "raised_on": timezone.localdate(), **overrides}


def test_a_complete_concern_has_no_errors():
    assert concern_errors(_concern()) == {}


def test_concern_date_cannot_be_in_the_future():
    errors = concern_errors(_concern(raised_on=timezone.localdate() + datetime.timedelta(days=1)))
    assert errors == {"raised_on": "Date the concern was raised cannot be in the future"}


def test_concern_needs_a_type_of_abuse_and_a_source_of_risk():
    errors = concern_errors(_concern(abuse_types=[], sources_of_risk=["martian"]))
    assert errors["abuse_types"] == "Select at least one type of abuse or neglect"
    assert errors["sources_of_risk"] == "Select sources of risk from the list"


def test_a_partner_referrer_must_be_named_unless_anonymous():
    errors = concern_errors(_concern(raised_via="partner", referrer_name=""))
    assert "referrer_name" in errors
    assert "referrer_name" not in concern_errors(
        _concern(raised_via="public", referrer_name="", referrer_anonymous=True)
    )


def test_a_person_raising_a_concern_about_themselves_need_not_name_themselves():
    assert "referrer_name" not in concern_errors(_concern(raised_via="self", referrer_name=""))


def test_s42_decision_needs_all_three_criteria():
    decision = {**factories.DECISION_S42, "unable_to_protect_self": "no"}
    assert "all three criteria" in decision_errors(decision)["result"]


def test_when_all_three_criteria_are_met_the_enquiry_must_be_s42():
    decision = {**factories.DECISION_S42, "result": "other"}
    assert "must make a section 42 enquiry" in decision_errors(decision)["result"]


def test_each_criterion_needs_evidence():
    decision = {**factories.DECISION_S42, "experiencing_or_at_risk_evidence": "  "}
    assert decision_errors(decision) == {
        "experiencing_or_at_risk_evidence": (
            "Enter the evidence about whether they are experiencing, or at risk of, "
            "abuse or neglect"
        )
    }


def test_no_enquiry_needs_a_proportionate_response():
    decision = {**factories.DECISION_NONE, "proportionate_response": ""}
    assert "proportionate_response" in decision_errors(decision)
    decision = {
        **factories.DECISION_NONE,
        "proportionate_response": "none_needed",
        "response_details": "",
    }
    assert decision_errors(decision) == {
        "response_details": "Say why no further response is needed"
    }
    assert decision_errors(factories.DECISION_NONE) == {}


def test_outcome_words_and_whose_words_are_required():
    assert outcome_errors({"text": "", "whose_words": "person"}) == {
        "text": "Enter what the person wants to happen, in their own words"
    }
    errors = outcome_errors({"text": "To be safe", "whose_words": "representative"})
    assert errors == {"representative_name": "Enter the name of the representative"}
    assert "reason" in outcome_errors({"text": "x", "whose_words": "person"}, revision=True)


def test_closure_of_an_enquiry_needs_the_national_codes():
    errors = closure_errors({"reason": "enquiry_concluded"}, had_enquiry=True, outcome_count=1)
    assert set(errors) == {"action_result", "msp_asked", "lacked_capacity"}
    assert closure_errors({"reason": "no_enquiry"}, had_enquiry=False, outcome_count=0) == {}


def test_risk_outcome_is_needed_when_risk_was_identified_and_action_taken():
    data = {**factories.CLOSURE, "risk_outcome": ""}
    assert closure_errors(data, had_enquiry=True, outcome_count=1) == {
        "risk_outcome": "Select what happened to the risk"
    }
    data = {**factories.CLOSURE, "action_result": "no_risk_no_action", "risk_outcome": ""}
    assert closure_errors(data, had_enquiry=True, outcome_count=1) == {}


def test_capacity_support_is_asked_when_the_person_lacked_capacity():
    data = {**factories.CLOSURE, "lacked_capacity": "yes"}
    assert "capacity_support" in closure_errors(data, had_enquiry=True, outcome_count=1)
    data["capacity_support"] = True
    assert closure_errors(data, had_enquiry=True, outcome_count=1) == {}


def test_outcomes_expressed_needs_recorded_outcomes():
    errors = closure_errors(factories.CLOSURE, had_enquiry=True, outcome_count=0)
    assert "No desired outcomes are recorded" in errors["msp_asked"]


def test_an_other_closure_reason_must_say_something():
    errors = closure_errors(
        {"reason": "other", "reason_details": "NFA"}, had_enquiry=False, outcome_count=0
    )
    assert "'NFA' does not say why" in errors["reason_details"]
    assert (
        closure_errors(
            {"reason": "other", "reason_details": "Opened in error: a duplicate of another case"},
            had_enquiry=False,
            outcome_count=0,
        )
        == {}
    )
