"""Recording capacity, best interests, advocacy and contacts through the web
pages: what the user sees saved on the case page and in the chronology, and
what the page says when something needs fixing."""

import datetime

from django.urls import reverse
from django.utils import timezone

from msp.enquiries.models import (
    AdvocacyAssessment,
    BestInterestsDecision,
    CapacityAssessment,
    Contact,
)
from tests import record_factories as rf
from tests.web.conftest import (
    chronology_of,
    date_parts,
    section_of,
    summary_of,
    text_of,
    whole_case,
)


def today():
    return timezone.localdate()


def capacity_post(**overrides):
    values = {
        "decision": "Whether to move into a care home",
        **date_parts("assessed_on", today()),
        "assessor_name": "Pat Okafor",
        "support_given": "Met at her home in the morning, with her daughter there.",
        "understand": "able",
        "understand_evidence": "Told me what a care home is and why it was suggested.",
        "retain": "unable",
        "retain_evidence": "Could not recall our conversation ten minutes later.",
        "use_or_weigh": "unable",
        "use_or_weigh_evidence": "Could not weigh the risk of falls at home.",
        "communicate": "able",
        "communicate_evidence": "Spoke clearly about what she wanted.",
        "impairment": "yes",
        "impairment_evidence": "Diagnosed with vascular dementia in 2023.",
        "executive_function": "She could not follow the plan to use her pendant alarm.",
        **date_parts("reassess_on", today() + datetime.timedelta(days=30)),
    }
    values.update(overrides)
    return values


def test_record_a_capacity_assessment(client_for, practitioner, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    form = client.get(reverse("enquiries:capacity-new", args=[case.pk]))
    html = form.content.decode()
    # The guard links to these fields
    assert 'id="decision"' in html and 'id="executive_function"' in html
    assert "Can the person carry out what they decide?" in text_of(form)
    response = client.post(reverse("enquiries:capacity-new", args=[case.pk]), capacity_post())
    assert response["Location"] == reverse("cases:detail", args=[case.pk])

    page = whole_case(client, case.pk)
    capacity = section_of(page, "capacity")
    assert "Capacity to decide: Whether to move into a care home" in capacity
    assert "Lacks capacity for this decision" in capacity
    assert "Not able: Could not recall our conversation ten minutes later." in capacity
    assert "Diagnosed with vascular dementia in 2023." in capacity
    assert "Capacity assessment recorded" in text_of(page)  # the banner
    assert "Capacity assessment recorded by Pat Okafor" in chronology_of(page)
    assessment = CapacityAssessment.objects.get(case=case)
    assert assessment.reassess_on == today() + datetime.timedelta(days=30)


def test_capacity_is_per_decision_never_a_global_flag(client_for, practitioner, case_in):
    case = case_in("enquiry")
    rf.capacity(case, practitioner, decision="Whether to sell her house")
    rf.capacity(
        case,
        practitioner,
        decision="Whether to have surgery on her hip",
        retain="unable",
        impairment="yes",
        impairment_evidence="Delirium after a urine infection.",
    )
    capacity = section_of(whole_case(client_for(practitioner), case.pk), "capacity")
    sell = capacity.index("Capacity to decide: Whether to sell her house")
    surgery = capacity.index("Capacity to decide: Whether to have surgery on her hip")
    assert capacity.index("Has capacity for this decision") > sell
    assert capacity.index("Lacks capacity for this decision") > surgery
    assert "lacks capacity" not in capacity.lower().replace("lacks capacity for this decision", "")


def test_capacity_errors_sit_next_to_fields_and_keep_input(client_for, practitioner, case_in):
    case = case_in("enquiry")
    response = client_for(practitioner).post(
        reverse("enquiries:capacity-new", args=[case.pk]),
        capacity_post(impairment_evidence="", **{"assessed_on-month": "13"}),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error: Record a capacity assessment" in html
    message = "Enter the evidence that the person cannot make the decision because of an impairment"
    assert message in summary_of(response)
    assert '<a href="#impairment_evidence">' in html
    assert '<p id="impairment_evidence-error" class="govuk-error-message">' in html
    assert "Date of the assessment must be a real date" in summary_of(response)
    # What was typed is kept
    assert "Could not recall our conversation ten minutes later." in html
    assert 'value="unable" checked' in html
    assert not CapacityAssessment.objects.exists()


def test_every_required_capacity_answer_is_asked_for(client_for, practitioner, case_in):
    case = case_in("enquiry")
    response = client_for(practitioner).post(reverse("enquiries:capacity-new", args=[case.pk]), {})
    summary = summary_of(response)
    assert "Enter the decision the person needs to make" in summary
    assert "Enter the date of the assessment" in summary
    assert "Select whether the person is able to retain the information" in summary
    assert (
        "Enter the evidence for whether the person is able to communicate their decision" in summary
    )


def best_interests_post(assessment=None, **overrides):
    values = {
        "capacity_assessment": str(assessment.pk) if assessment else "",
        "decision": "Where she should live while the house is repaired",
        "past_wishes": "Always said she never wanted to live in a care home.",
        "present_wishes": "Wants to go home.",
        "beliefs_and_values": "",
        "consultee_1_name": "Ann Example",
        "consultee_1_role": "family",
        "consultee_1_views": "Thinks her mother should stay with her for now.",
        "consultee_2_name": "Dr Shah",
        "consultee_2_role": "professional",
        "consultee_2_views": "Supports a short stay with family.",
        "less_restrictive_options": "Home care four times a day.",
        "outcome": "A month with her daughter, then home with care.",
        "reasons": "Closest to her wishes while keeping her safe.",
        "decision_maker": "Pat Okafor",
        **date_parts("decided_on", today()),
    }
    values.update(overrides)
    return values


def test_record_a_best_interests_decision(client_for, practitioner, case_in):
    case = case_in("enquiry")
    lacks = rf.capacity(
        case,
        practitioner,
        decision="Where to live",
        retain="unable",
        impairment="yes",
        impairment_evidence="Dementia.",
    )
    has = rf.capacity(case, practitioner, decision="Whether to see her son")
    client = client_for(practitioner)
    url = reverse("enquiries:best-interests-new", args=[case.pk])
    form = client.get(url).content.decode()
    # Only assessments that found a lack of capacity can be chosen
    assert f'<option value="{lacks.pk}">Capacity to decide: Where to live' in form
    assert f'value="{has.pk}"' not in form
    response = client.post(url, best_interests_post(lacks))
    assert response.status_code == 302
    decision = BestInterestsDecision.objects.get(case=case)
    assert decision.capacity_assessment == lacks
    # The two rows left empty are ignored
    assert [c["name"] for c in decision.consulted] == ["Ann Example", "Dr Shah"]
    page = whole_case(client, case.pk)
    section = section_of(page, "best-interests")
    assert "Best-interests decision: Where she should live while the house is repaired" in section
    assert "Ann Example (Family member): Thinks her mother should stay with her for now." in section
    assert "Capacity to decide: Where to live" in section
    assert "Best-interests decision recorded by Pat Okafor" in chronology_of(page)


def test_a_half_filled_consultee_row_is_pointed_at(client_for, practitioner, case_in):
    case = case_in("enquiry")
    response = client_for(practitioner).post(
        reverse("enquiries:best-interests-new", args=[case.pk]),
        best_interests_post(consultee_2_views="", past_wishes=""),
    )
    html = response.content.decode()
    assert (
        '<a href="#consultee_2_views">Enter the name, role and views of each person consulted</a>'
        in html
    )
    assert '<a href="#past_wishes">Enter the person&#x27;s past wishes and feelings</a>' in html
    assert 'value="Dr Shah"' in html
    assert not BestInterestsDecision.objects.exists()


def test_no_one_consulted_is_refused(client_for, practitioner, case_in):
    case = case_in("enquiry")
    response = client_for(practitioner).post(
        reverse("enquiries:best-interests-new", args=[case.pk]),
        best_interests_post(
            consultee_1_name="",
            consultee_1_role="",
            consultee_1_views="",
            consultee_2_name="",
            consultee_2_role="",
            consultee_2_views="",
        ),
    )
    assert '<a href="#consultee_1_name">Enter at least one person who was consulted</a>' in (
        response.content.decode()
    )


def test_without_an_assessment_that_found_a_lack_the_page_says_so(
    client_for, practitioner, case_in
):
    case = case_in("enquiry")
    text = text_of(
        client_for(practitioner).get(reverse("enquiries:best-interests-new", args=[case.pk]))
    )
    assert "No capacity assessment on this case has found that the person lacks capacity" in text


def advocacy_post(**overrides):
    values = {
        **date_parts("assessed_on", today()),
        "difficulty_retaining": "yes",
        "difficulty_communicating": "yes",
        "appropriate_individual": "yes",
        "appropriate_individual_name": "Gary Example",
        "individual_implicated": ["yes"],
        "result": "advocate_arranged",
        "advocate_name": "Jo Brown, Northmoor Advocacy",
        **date_parts("advocate_arranged_on", today()),
        "imca_instructed": ["yes"],
        "imca_details": "Sam Lee, instructed for the accommodation decision.",
    }
    values.update(overrides)
    return values


def test_record_an_advocacy_assessment(client_for, practitioner, case_in):
    case = case_in("enquiry", advocacy=False)
    client = client_for(practitioner)
    url = reverse("enquiries:advocacy-new", args=[case.pk])
    form = client.get(url).content.decode()
    assert 'id="difficulty_understanding"' in form  # the guard's link lands here
    assert 'data-aria-controls="conditional-result"' in form  # the advocate's name is revealed
    response = client.post(url, advocacy_post())
    assert response.status_code == 302
    assessment = AdvocacyAssessment.objects.get(case=case)
    assert assessment.difficulty_retaining and not assessment.difficulty_understanding
    assert assessment.individual_implicated and assessment.imca_instructed
    assert assessment.advocate_duty_applies
    page = whole_case(client, case.pk)
    section = section_of(page, "advocacy")
    assert "Retaining it; communicating their views, wishes and feelings" in section
    assert "Gary Example (implicated in the abuse or neglect)" in section
    assert "Jo Brown, Northmoor Advocacy" in section
    assert "Advocacy assessment recorded by Pat Okafor" in chronology_of(page)


def test_advocacy_duty_message_and_the_reason_under_the_result(client_for, practitioner, case_in):
    case = case_in("enquiry", advocacy=False)
    response = client_for(practitioner).post(
        reverse("enquiries:advocacy-new", args=[case.pk]),
        advocacy_post(result="not_required", reason_not_required="", imca_instructed=[]),
    )
    html = response.content.decode()
    summary = summary_of(response)
    assert "an independent advocate must be arranged" in summary
    # The reason is asked under the result chosen, and its error is there
    assert '<a href="#reason_not_required">Enter why no advocate was arranged</a>' in html
    assert 'value="not_required" checked' in html
    assert (
        'id="difficulty_retaining" name="difficulty_retaining" type="checkbox" value="yes" checked'
        in html
    )
    assert not AdvocacyAssessment.objects.exists()


def test_no_difficulty_needs_a_reason_only(client_for, practitioner, case_in):
    case = case_in("enquiry", advocacy=False)
    response = client_for(practitioner).post(
        reverse("enquiries:advocacy-new", args=[case.pk]),
        {
            **date_parts("assessed_on", today()),
            "appropriate_individual": "no",
            "result": "not_required",
            "reason_not_required": "She took a full part in every meeting.",
            "reason_declined": "typed under another option, then changed her mind",
        },
    )
    assert response.status_code == 302
    assessment = AdvocacyAssessment.objects.get(case=case)
    assert not assessment.substantial_difficulty
    assert assessment.reason == "She took a full part in every meeting."


def contact_post(**overrides):
    values = {
        **date_parts("contacted_on", today()),
        "method": "visit",
        "outcome": "spoke",
        "who_was_present": "Her son Gary, who stayed in the room.",
        "seen_alone": "tried",
        "coercion_indicators": ["answers_for_person", "controls_money"],
        "coercion_conclusion": "Gary answered for her; she looked at him before speaking.",
        "notes": "",
    }
    values.update(overrides)
    return values


def test_record_a_contact(client_for, practitioner, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    response = client.post(reverse("enquiries:contact-new", args=[case.pk]), contact_post())
    assert response.status_code == 302
    contact = Contact.objects.get(case=case)
    assert contact.coercion_indicators == ["answers_for_person", "controls_money"]
    page = whole_case(client, case.pk)
    section = section_of(page, "contacts")
    assert "Visit" in section and "Tried, but someone else stayed" in section
    assert "Someone else answered for the person, Someone controls their money or phone" in section
    assert "she looked at him before speaking" in section
    assert "Contact with the person recorded by Pat Okafor" in chronology_of(page)


def test_a_conversation_needs_who_was_there(client_for, practitioner, case_in):
    case = case_in("enquiry")
    response = client_for(practitioner).post(
        reverse("enquiries:contact-new", args=[case.pk]),
        contact_post(who_was_present="", method=""),
    )
    html = response.content.decode()
    assert '<a href="#who_was_present">Enter who was there, or &#x27;no one else&#x27;</a>' in html
    assert '<a href="#method">Select how you contacted the person</a>' in html
    assert 'value="controls_money" checked' in html
    assert not Contact.objects.exists()
