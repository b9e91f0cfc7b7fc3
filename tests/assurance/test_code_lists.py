"""Code lists are data, versioned by reporting year."""

import datetime

import pytest

from msp.assurance.codelists import NoCodeLists, code_lists_for, earliest_year
from msp.assurance.models import CodeList, CodeMapping
from msp.assurance.sac import build_return

pytestmark = pytest.mark.django_db

D = datetime.date


def new_version(name: str, year: int) -> CodeList:
    return CodeList.objects.get(name=name, first_year=2024).copy_for(year)


def test_a_2026_mapping_changes_2026_and_not_2025(story, adult):
    chinese_2025 = adult(ethnicity="R")
    chinese_2026 = adult(ethnicity="R")
    story(person=chinese_2025, raised_on=D(2025, 5, 1))
    story(person=chinese_2026, raised_on=D(2026, 5, 1))
    version = new_version("ethnicity", 2026)
    other = version.categories.get(label="Other Ethnic Group")
    CodeMapping.objects.filter(code_list=version, code="R").update(category=other)

    before = build_return(2025)
    after = build_return(2026)

    assert before.table("SG1c").as_dict()["Asian / Asian British"] == (1, 0, 0)
    assert before.table("SG1c").as_dict()["Other Ethnic Group"] == (0, 0, 0)
    assert after.table("SG1c").as_dict()["Asian / Asian British"] == (0, 0, 0)
    assert after.table("SG1c").as_dict()["Other Ethnic Group"] == (1, 0, 0)
    assert dict(before.code_list_versions)["Ethnicity"] == "2024-25"
    assert dict(after.code_list_versions)["Ethnicity"] == "2026-27"
    assert dict(after.code_list_versions)["Gender"] == "2024-25"


def test_a_year_without_its_own_lists_uses_the_latest_earlier_version(db):
    assert earliest_year() == 2024
    assert {version for _, version in build_return(2025).code_list_versions} == {"2024-25"}
    with pytest.raises(NoCodeLists, match="There are no code lists for 2023-24"):
        code_lists_for(2023)


def test_a_code_the_list_does_not_map_is_counted_in_the_fallback_row_and_reported(story, adult):
    story(person=adult(gender="9"), raised_on=D(2026, 5, 1))
    version = new_version("gender", 2026)
    CodeMapping.objects.filter(code_list=version, code="9").delete()

    sac = build_return(2026)

    assert sac.table("SG1b").as_dict()["Not Known"] == (1, 0, 0)
    [problem] = sac.validation.code_list_problems
    assert (problem.code_list, problem.version, problem.code) == ("Gender", "2026-27", "9")
    assert problem.records == 1
    assert problem.counted_in == "Not Known"
    assert problem.where == "SG1b, Individuals Involved In Safeguarding Concerns"


def test_row_labels_are_the_national_templates(db):
    sac = build_return(2025)
    assert list(sac.table("SG2b").as_dict()) == [
        "Own Home",
        "In the Community",
        "Community Service",
        "Care Home - Nursing",
        "Care Home - Residential",
        "Hospital - Acute",
        "Hospital - Mental Health",
        "Hospital - Community",
        "Other",
    ]
    assert sac.table("SG2b").headings == (
        "Service Provider",
        "Other - Known to individual",
        "Other - Unknown to individual",
    )
    assert list(sac.table("SG1c").as_dict()) == [
        "White",
        "Mixed / Multiple",
        "Asian / Asian British",
        "Black / African / Caribbean / Black British",
        "Other Ethnic Group",
        "Refused",
        "Undeclared / Not Known",
    ]
    assert list(sac.table("SG1d").as_dict()) == [
        "Physical Support",
        "Sensory Support",
        "Support with Memory and Cognition",
        "Learning Disability Support",
        "Mental Health Support",
        "Social Support",
        "No Support Reason",
        "Not Known",
    ]
    assert list(sac.table("SG4a-asked").as_dict()) == [
        "Yes they were asked and outcomes were expressed",
        "Yes they were asked but no outcomes were expressed",
        "No",
        "Don't Know",
        "Not Recorded",
    ]
    assert list(sac.table("SG2c").as_dict())[-1] == (
        "Enquiry ceased at individual's request and no action taken"
    )


def test_a_type_of_risk_the_list_does_not_map_is_reported_and_not_counted(story):
    story(raised_on=D(2026, 5, 1), abuse_types=["modern_slavery", "financial"]).decide(
        D(2026, 5, 2)
    ).start(D(2026, 5, 3)).close(D(2026, 6, 1))
    version = new_version("type_of_risk", 2026)
    CodeMapping.objects.filter(code_list=version, code="modern_slavery").delete()

    sac = build_return(2026)

    sg2a = sac.table("SG2a").as_dict()
    assert sg2a["Modern Slavery"] == (0, 0, 0)
    assert sg2a["Financial or Material Abuse"] == (0, 1, 0)
    [problem] = sac.validation.code_list_problems
    assert (problem.code_list, problem.code, problem.counted_in, problem.where) == (
        "Type of risk",
        "modern_slavery",
        None,
        "SG2a",
    )
