"""Counting rules of the return, on small hand-made histories. Every expected
table is worked out by hand here, from the story the test tells."""

import datetime

import pytest
from django.utils import timezone

from msp.assurance.sac import build_return
from msp.cases.models import Case
from msp.enquiries.models import Enquiry
from msp.people.models import Person

pytestmark = pytest.mark.django_db

D = datetime.date
INDIVIDUALS_ZERO = (0, 0, 0)
AGE_BANDS = ("18-64", "65-74", "75-84", "85-94", "95+")


def rows(table, **nonzero):
    """{row: values} for a table where only the named rows are not zero."""
    width = len(table.columns)
    return {label: nonzero.get(label, (0,) * width) for label in table.as_dict()}


def test_mr_x_with_three_section_42_enquiries_counts_once_as_a_person(story, adult):
    mr_x = adult(
        given_name="Xavier",
        gender="1",
        date_of_birth=D(1950, 6, 15),  # 75 on 31 March 2026
        ethnicity="A",
        primary_support_reason="physical_personal_care",
    )
    for raised in (D(2025, 5, 1), D(2025, 8, 1), D(2025, 11, 1)):
        story(person=mr_x, raised_on=raised).decide(raised).start(raised)
    ms_y = adult(
        given_name="Yasmin",
        gender="2",
        date_of_birth=D(1990, 1, 10),  # 36
        ethnicity="H",
        primary_support_reason="mental_health",
    )
    story(person=ms_y, raised_on=D(2025, 7, 1)).decide(D(2025, 7, 2), "other").start(D(2025, 7, 3))
    mx_z = adult(
        given_name="Zee",
        gender="9",
        date_of_birth=D(1935, 3, 31),  # 91 on 31 March 2026
        ethnicity="99",
    )
    story(person=mx_z, raised_on=D(2026, 2, 1))  # a concern, still at triage

    sac = build_return(2025)

    # Columns: concerns, section 42 enquiries, other enquiries (individuals).
    assert sac.table("SG1a").as_dict() == {
        "18-64": (1, 0, 1),
        "65-74": (0, 0, 0),
        "75-84": (1, 1, 0),
        "85-94": (1, 0, 0),
        "95+": (0, 0, 0),
    }
    assert sac.table("SG1b").as_dict() == {
        "Male": (1, 1, 0),
        "Female": (1, 0, 1),
        "Not Known": (1, 0, 0),
    }
    sg1c = sac.table("SG1c")
    assert sg1c.as_dict() == rows(
        sg1c,
        White=(1, 1, 0),
        **{"Asian / Asian British": (1, 0, 1), "Undeclared / Not Known": (1, 0, 0)},
    )
    sg1d = sac.table("SG1d")
    assert sg1d.as_dict() == rows(
        sg1d,
        **{
            "Physical Support": (1, 1, 0),
            "Mental Health Support": (1, 0, 1),
            "Not Known": (1, 0, 0),
        },
    )
    # SG1f counts cases: Mr X's three concerns and three enquiries all count.
    assert sac.table("SG1f").as_dict() == {
        "Total Number of Safeguarding Concerns": (5,),
        "Total Number of Section 42 Safeguarding Enquiries": (3,),
        "Total Number of Other Safeguarding Enquiries": (1,),
    }
    assert sac.measure("Total enquiries").display == "4"
    assert sac.measure("Proportion section 42").display == "75.0%"
    assert sac.measure("Conversion rate").display == "80.0%"  # 4 enquiries from 5 concerns
    assert sac.table("SG1e").as_dict() == dict.fromkeys(sac.table("SG1e").as_dict(), (0, 0, 0))
    assert "Not collected" in sac.table("SG1e").notes[0]


def test_concern_in_march_and_enquiry_in_april_fall_in_different_years(story):
    s = story(raised_on=D(2026, 3, 20)).decide(D(2026, 3, 31)).start(D(2026, 4, 2))
    s.close(D(2026, 6, 1))

    before = build_return(2025)
    assert before.table("SG1f").as_dict() == {
        "Total Number of Safeguarding Concerns": (1,),
        "Total Number of Section 42 Safeguarding Enquiries": (0,),
        "Total Number of Other Safeguarding Enquiries": (0,),
    }
    assert before.table("SG1a").column_totals() == (1, 0, 0)
    assert before.table("SG3a").column_totals() == (0,)

    after = build_return(2026)
    assert after.table("SG1f").as_dict() == {
        "Total Number of Safeguarding Concerns": (0,),
        "Total Number of Section 42 Safeguarding Enquiries": (1,),
        "Total Number of Other Safeguarding Enquiries": (0,),
    }
    assert after.table("SG1a").column_totals() == (0, 1, 0)
    assert after.table("SG3a").as_dict()["No, they did not lack capacity"] == (1,)


def test_an_enquiry_starting_just_after_midnight_on_1_april_is_in_the_new_year(story):
    s = story(raised_on=D(2025, 3, 28)).decide(D(2025, 3, 31)).start(D(2025, 3, 31))
    # 00:30 on 1 April is 23:30 on 31 March in UTC (summer time).
    just_after = timezone.make_aware(datetime.datetime(2025, 4, 1, 0, 30))
    Case.objects.filter(pk=s.case.pk).update(enquiry_started_at=just_after)
    Enquiry.objects.filter(case=s.case).update(started_at=just_after)
    assert build_return(2024).table("SG1f").as_dict()[
        "Total Number of Section 42 Safeguarding Enquiries"
    ] == (0,)
    assert build_return(2025).table("SG1f").as_dict()[
        "Total Number of Section 42 Safeguarding Enquiries"
    ] == (1,)


SOURCES = ("Service Provider", "Other - Known to individual", "Other - Unknown to individual")


def test_sources_of_risk_count_once_per_type(story):
    # Two strangers, reported in two concerns on one case: one count.
    one = story(
        raised_on=D(2025, 5, 1),
        abuse_types=["physical"],
        sources_of_risk=["unknown"],
        location_of_risk="community",
    )
    one.concern(
        D(2025, 5, 3),
        abuse_types=["physical"],
        sources_of_risk=["unknown"],
        location_of_risk="community",
    )
    one.decide(D(2025, 5, 4)).start(D(2025, 5, 5)).close(D(2025, 7, 1))
    # A stranger and a paid carer: one count in each column.
    two = story(
        raised_on=D(2025, 6, 1),
        abuse_types=["financial", "psychological"],
        sources_of_risk=["unknown", "service_provider"],
        location_of_risk="own_home",
    )
    two.decide(D(2025, 6, 2)).start(D(2025, 6, 3)).close(D(2025, 8, 1))
    # Two concerns naming different types and sources: a type is paired only
    # with the sources its own concern reported.
    three = story(
        raised_on=D(2025, 6, 1),
        abuse_types=["sexual"],
        sources_of_risk=["known"],
        location_of_risk="care_home_nursing",
    )
    three.concern(
        D(2025, 6, 10),
        abuse_types=["neglect"],
        sources_of_risk=["service_provider"],
        location_of_risk="care_home_nursing",
    )
    three.decide(D(2025, 6, 11)).start(D(2025, 6, 12)).close(D(2025, 9, 1))

    sac = build_return(2025)

    sg2a = sac.table("SG2a")
    assert sg2a.headings == SOURCES
    assert sg2a.as_dict() == rows(
        sg2a,
        **{
            "Physical Abuse": (0, 0, 1),
            "Financial or Material Abuse": (1, 0, 1),
            "Psychological Abuse": (1, 0, 1),
            "Sexual Abuse": (0, 1, 0),
            "Neglect and Acts of Omission": (1, 0, 0),
        },
    )
    sg2b = sac.table("SG2b")
    assert sg2b.as_dict() == rows(
        sg2b,
        **{
            "In the Community": (0, 0, 1),
            "Own Home": (1, 0, 1),
            "Care Home - Nursing": (1, 1, 0),
        },
    )
    sg2c = sac.table("SG2c")
    # All three: risk identified and action taken (factories.CLOSURE).
    assert sg2c.as_dict() == rows(sg2c, **{"Risk identified and action taken": (2, 1, 2)})
    assert sac.table("SG2e").as_dict() == {
        "Risk remained": (0,),
        "Risk reduced": (3,),
        "Risk removed": (0,),
    }


def test_age_is_taken_at_death_when_the_adult_died_during_the_year(story, adult):
    died = adult(date_of_birth=D(1951, 2, 1))  # would be 75 on 31 March 2026
    Person.objects.filter(pk=died.pk).update(date_of_death=D(2025, 12, 1))  # 74 when they died
    story(person=died, raised_on=D(2025, 10, 1)).decide(D(2025, 10, 2)).start(D(2025, 10, 3))

    sg1a = build_return(2025).table("SG1a")
    assert sg1a.as_dict() == rows(sg1a, **{"65-74": (1, 1, 0)})


def test_age_is_taken_on_31_march(story, adult):
    turns_65_in_january = adult(date_of_birth=D(1961, 1, 15))  # 64 when the concern is raised
    turns_65_on_31_march = adult(date_of_birth=D(1961, 3, 31))
    turns_65_on_1_april = adult(date_of_birth=D(1961, 4, 1))
    for person in (turns_65_in_january, turns_65_on_31_march, turns_65_on_1_april):
        story(person=person, raised_on=D(2025, 5, 1))

    sg1a = build_return(2025).table("SG1a")
    assert sg1a.as_dict() == rows(sg1a, **{"65-74": (2, 0, 0), "18-64": (1, 0, 0)})


def test_an_age_below_the_first_band_is_age_unknown_and_listed(story, adult):
    person = adult()
    Person.objects.filter(pk=person.pk).update(date_of_birth=D(2009, 6, 1))  # 16: a wrong date
    s = story(person=person, raised_on=D(2025, 5, 1))

    sac = build_return(2025)
    sg1a = sac.table("SG1a")
    assert sg1a.as_dict() == {
        **dict.fromkeys(AGE_BANDS, INDIVIDUALS_ZERO),
        "Age unknown": (1, 0, 0),
    }
    [finding] = sac.validation.findings
    assert finding.reference == s.case.reference
    assert finding.problems == (
        "Aged under 18 on 31 March 2026 (or when they died): check the date of birth",
    )
    # Nobody is under age in 2024-25, so the row is left out there.
    assert "Age unknown" not in build_return(2024).table("SG1a").as_dict()


def test_a_reopened_case_closed_again_concludes_twice(story):
    s = story(raised_on=D(2025, 4, 10)).decide(D(2025, 4, 11)).start(D(2025, 4, 12))
    s.close(D(2025, 6, 1))  # risk identified, action taken, risk reduced; asked, expressed
    s.reopen(D(2025, 8, 20)).decide(D(2025, 9, 1)).start(D(2025, 9, 2), outcomes=0)
    s.close(
        D(2025, 12, 1),
        action_result="no_risk_no_action",
        risk_outcome="",
        msp_asked="asked_not_expressed",
        lacked_capacity="yes",
        capacity_support=True,
    )

    sac = build_return(2025)

    assert sac.enquiries_concluded == 2
    assert sac.table("SG3a").as_dict() == {
        "Yes, they lacked capacity": (1,),
        "No, they did not lack capacity": (1,),
        "Don't know": (0,),
        "Not recorded": (0,),
    }
    assert sac.table("SG3a-support").column_totals() == (1,)
    sg4a = sac.table("SG4a-asked")
    assert sg4a.as_dict() == rows(
        sg4a,
        **{
            "Yes they were asked and outcomes were expressed": (1,),
            "Yes they were asked but no outcomes were expressed": (1,),
        },
    )
    assert sac.table("SG4a-achieved").as_dict() == {
        "Fully Achieved": (1,),
        "Partially Achieved": (0,),
        "Not Achieved": (0,),
    }
    sg2c = sac.table("SG2c")
    assert sg2c.as_dict() == rows(
        sg2c,
        **{
            "Risk identified and action taken": (0, 1, 0),
            "No risk identified and no action taken": (0, 1, 0),
        },
    )
    # Each start is an episode of its own: SG1f has two enquiries, about one person.
    assert sac.table("SG1f").as_dict()["Total Number of Section 42 Safeguarding Enquiries"] == (2,)
    assert sac.table("SG1a").column_totals() == (1, 1, 0)
    assert sac.validation.findings == ()


def test_a_closure_without_an_enquiry_is_not_a_concluded_enquiry(story):
    s = story(raised_on=D(2025, 4, 10)).decide(D(2025, 4, 20), "none")
    s.close_without_enquiry(D(2025, 5, 1))
    s.reopen(D(2025, 7, 20)).decide(D(2025, 8, 1)).start(D(2025, 8, 2)).close(D(2025, 10, 1))

    sac = build_return(2025)
    # The first closure had no enquiry: it is neither counted nor listed as
    # missing the enquiry's closure items.
    assert sac.enquiries_concluded == 1
    assert sac.table("SG3a").column_totals() == (1,)
    # Financial and psychological abuse by someone known: one enquiry each.
    assert sac.table("SG2a").column_totals() == (0, 2, 0)
    assert sac.validation.findings == ()


def test_an_other_enquiry_is_not_in_the_section_42_tables(story):
    story(raised_on=D(2025, 5, 1)).decide(D(2025, 5, 2), "other").start(D(2025, 5, 3)).close(
        D(2025, 7, 1)
    )
    sac = build_return(2025)
    assert sac.enquiries_concluded == 1
    assert sac.table("SG3a").column_totals() == (0,)
    assert sac.table("SG2a").column_totals() == (0, 0, 0)
