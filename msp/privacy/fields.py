"""What erasure does to each part of a case and to the person: the fields it
blanks or replaces, and the words and codes it keeps.

Everything the statutory return counts is kept: dates, codes (types, sources
and location of risk, decisions, closure outcomes, ratings), gender,
ethnicity, primary support reason and an age-preserving date of birth. Names,
contact details and everything written in words go. ``KEPT`` lists the text
fields deliberately kept (codes stored without choices, or words that say
nothing about anyone); a test fails when a new text field is in neither list,
so every new field gets a decision."""

from typing import Any

# The words left where a required piece of text was.
ERASED = "Erased under the retention schedule."

# model label -> {field: value written in its place}
CASE_PARTS: dict[str, dict[str, Any]] = {
    "concerns.concern": {
        "referrer_name": "",
        "referrer_job_title": "",
        "referrer_organisation": "",
        "referrer_contact": "",
        "referrer_relationship": "",
        "what_happened": ERASED,
        "immediate_safety_actions": "",
        "person_wishes": "",
    },
    "concerns.section42decision": {
        "care_and_support_needs_evidence": ERASED,
        "experiencing_or_at_risk_evidence": ERASED,
        "unable_to_protect_self_evidence": ERASED,
        "response_details": "",
    },
    "enquiries.desiredoutcome": {"person_view": ""},
    # Why a case was restricted, or opened through break-glass, may name staff
    # or say why someone is involved.
    "cases.caserestriction": {"reason": ERASED},
    "cases.breakglassgrant": {"reason": ERASED},
    "enquiries.outcomerevision": {
        "text": ERASED,
        "representative_name": "",
        "representative_relationship": "",
        "reason": "",
    },
    "enquiries.closure": {"reason_details": "", "open_door": ""},
    "practice.closurefinding": {"override_reason": ""},
    # The values a refused closure was tried with (its details and open-door text).
    "practice.refusedclosure": {"values": {}},
    "enquiries.advocacyassessment": {
        "appropriate_individual_name": "",
        "advocate_name": "",
        "reason": "",
        "imca_details": "",
    },
    "enquiries.bestinterestsdecision": {
        "decision": ERASED,
        "past_wishes": ERASED,
        "present_wishes": ERASED,
        "beliefs_and_values": "",
        "consulted": [],
        "less_restrictive_options": ERASED,
        "outcome": ERASED,
        "reasons": ERASED,
        "decision_maker": ERASED,
    },
    "enquiries.capacityassessment": {
        "decision": ERASED,
        "assessor_name": ERASED,
        "support_given": ERASED,
        "understand_evidence": ERASED,
        "retain_evidence": ERASED,
        "use_or_weigh_evidence": ERASED,
        "communicate_evidence": ERASED,
        "impairment_evidence": "",
        "executive_function": "",
    },
    "enquiries.contact": {"who_was_present": "", "coercion_conclusion": "", "notes": ""},
    "enquiries.deathrecord": {"sar_considerations": ERASED},
    "enquiries.involvement": {
        "not_told_reason": "",
        "person_involvement": "",
        "outcomes_not_asked_reason": "",
        "options_explained": "",
        "reasons_for_declining": "",
        "referrer_part_details": "",
        "pattern_review": "",
    },
    "enquiries.casenote": {"text": ERASED},
    # A letter's words, who it went to and where, and the PDF as sent.
    "letters.letter": {"addressee": "", "text": ERASED, "send_to": "", "pdf": None},
    "enquiries.restriction": {"what": ERASED, "decided_by": ERASED, "basis_details": ""},
    "enquiries.override": {
        "legal_basis": ERASED,
        "rationale": ERASED,
        "decided_by": ERASED,
        "advised_by": "",
        "shared_what": "",
        "shared_with": "",
        "not_told_reason": "",
    },
    "enquiries.safeguardingplan": {"person_involvement": ERASED, "pace": ""},
    "enquiries.planaction": {"description": ERASED, "owner_name": ERASED},
    "enquiries.referrerfeedback": {"what_was_said": ERASED},
    "enquiries.referrerescalation": {"details": ERASED, "resolution": ""},
    "enquiries.riskassessment": {
        "risk_to_person": ERASED,
        "risk_to_others": "",
        "police_decision_reason": "",
    },
    "enquiries.risktoothersaction": {"details": ERASED, "done_by": ERASED},
    "enquiries.selfneglectrecord": {"background_and_history": ERASED, "trusted_person": ""},
    "survey.surveyresponse": {"representative_role": ""},
    "survey.surveyanswer": {"comment": ""},
}

PERSON: dict[str, Any] = {
    "given_name": "Erased",
    "family_name": "person",
    "preferred_name": "",
    "nhs_number": "",
    "address": "",
    "postcode": "",
    "phone": "",
    "email": "",
    "communication_needs": "",
    "do_not_tell": "",
    # The folded search keys hold the name and address too (msp.people.matching).
    "search_name": "erased person",
    "search_address": "",
    "postcode_key": "",
}

# Text fields kept on purpose, with why.
KEPT: dict[str, dict[str, str]] = {
    "cases.case": {"reference": "a number, not about the person"},
    "concerns.concern": {
        "abuse_types": "codes the return counts",
        "sources_of_risk": "codes the return counts",
    },
    "enquiries.contact": {"coercion_indicators": "codes"},
    "enquiries.involvement": {"referrer_part": "codes"},
    "enquiries.clutterrating": {"room": "a room's name says nothing about anyone"},
    "practice.closurefinding": {"check_id": "a code"},
    "survey.surveyanswer": {"option": "the answer's code, counted in survey figures"},
    "letters.letter": {
        "last_error": "the delivery service's reason, never the letter or the address",
        "delivery_id": "the delivery service's id for the message",
    },
}
