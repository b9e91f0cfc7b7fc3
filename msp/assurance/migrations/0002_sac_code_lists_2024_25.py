"""The Safeguarding Adults Collection code lists from 2024-25.

DHSC's 2025-26 guidance made no change to the data requirements, so these
lists apply to 2025-26 too (a year without its own version uses the latest
earlier one). Labels are the national template's, as recorded in the project's
data standards; local codes are those stored on our records (people, concerns,
closures). Each entry is (label, [local codes], options).

Decisions recorded here:
- Ethnicity: our records hold the NHS ethnic category codes (2001 census
  based). The SAC groups follow the 2011 census, which puts Chinese under
  Asian / Asian British, so code R counts there, not under Other Ethnic Group.
  Z (asked, chose not to say) is Refused; 99 (not asked or not recorded) is
  Undeclared / Not Known.
- Gender: 9 (indeterminate) and X (not known) are both Not Known.
- Age band codes are the lowest age in the band. An age below the first band
  (which means a wrong date of birth) counts under Age unknown, which is left
  out of the return when nobody is in it.
- Location: the short labels the national code uses ("In the Community",
  "Community Service"); our form shows the longer wording.
- Learning disability breakdown (SG1e): the rows exist but no local code maps
  to them: the person record has no field for it yet.
"""

from django.db import migrations

FIRST_YEAR = 2024
SOURCE = (
    "Safeguarding Adults Collection 2024-25 table labels (NHS England guidance and the "
    "publication code); unchanged for 2025-26 (DHSC guidance, January 2026)."
)

FALLBACK = {"fallback": True}
OPTIONAL_FALLBACK = {"fallback": True, "only_if_counted": True}

LISTS = {
    "age_band": [
        ("18-64", ["18"]),
        ("65-74", ["65"]),
        ("75-84", ["75"]),
        ("85-94", ["85"]),
        ("95+", ["95"]),
        ("Age unknown", [], OPTIONAL_FALLBACK),
    ],
    "gender": [
        ("Male", ["1"]),
        ("Female", ["2"]),
        ("Not Known", ["9", "X"], FALLBACK),
    ],
    "ethnicity": [
        ("White", ["A", "B", "C"]),
        ("Mixed / Multiple", ["D", "E", "F", "G"]),
        ("Asian / Asian British", ["H", "J", "K", "L", "R"]),
        ("Black / African / Caribbean / Black British", ["M", "N", "P"]),
        ("Other Ethnic Group", ["S"]),
        ("Refused", ["Z"]),
        ("Undeclared / Not Known", ["99"], FALLBACK),
    ],
    "primary_support_reason": [
        ("Physical Support", ["physical_access", "physical_personal_care"]),
        ("Sensory Support", ["sensory_visual", "sensory_hearing", "sensory_dual"]),
        ("Support with Memory and Cognition", ["memory_cognition"]),
        ("Learning Disability Support", ["learning_disability"]),
        ("Mental Health Support", ["mental_health"]),
        ("Social Support", ["social_substance", "social_asylum", "social_isolation"]),
        ("No Support Reason", ["none"]),
        ("Not Known", ["not_known"], FALLBACK),
    ],
    "learning_disability": [
        (
            "Learning, Developmental or Intellectual Disability (Autism excluding "
            "Asperger's Syndrome/ High Functioning Autism)",
            [],
        ),
        (
            "Learning, Developmental or Intellectual Disability (Asperger's Syndrome/ "
            "High Functioning Autism)",
            [],
        ),
    ],
    "type_of_risk": [
        ("Physical Abuse", ["physical"]),
        ("Sexual Abuse", ["sexual"]),
        ("Psychological Abuse", ["psychological"]),
        ("Financial or Material Abuse", ["financial"]),
        ("Discriminatory Abuse", ["discriminatory"]),
        ("Organisational Abuse", ["organisational"]),
        ("Neglect and Acts of Omission", ["neglect"]),
        ("Domestic Abuse", ["domestic"]),
        ("Sexual Exploitation", ["sexual_exploitation"]),
        ("Modern Slavery", ["modern_slavery"]),
        ("Self-Neglect", ["self_neglect"]),
    ],
    "location_of_risk": [
        ("Own Home", ["own_home"]),
        ("In the Community", ["community"]),
        ("Community Service", ["community_service"]),
        ("Care Home - Nursing", ["care_home_nursing"]),
        ("Care Home - Residential", ["care_home_residential"]),
        ("Hospital - Acute", ["hospital_acute"]),
        ("Hospital - Mental Health", ["hospital_mental_health"]),
        ("Hospital - Community", ["hospital_community"]),
        ("Other", ["other"]),
    ],
    "source_of_risk": [
        ("Service Provider", ["service_provider"]),
        ("Other - Known to individual", ["known"]),
        ("Other - Unknown to individual", ["unknown"]),
    ],
    "action_result": [
        ("Risk identified and action taken", ["risk_action"]),
        ("Risk identified and no action taken", ["risk_no_action"]),
        ("Risk Assessment inconclusive and action taken", ["inconclusive_action"]),
        ("Risk Assessment inconclusive and no action taken", ["inconclusive_no_action"]),
        ("No risk identified and action taken", ["no_risk_action"]),
        ("No risk identified and no action taken", ["no_risk_no_action"]),
        ("Enquiry ceased at individual's request and no action taken", ["ceased"]),
    ],
    "risk_outcome": [
        ("Risk remained", ["remained"]),
        ("Risk reduced", ["reduced"]),
        ("Risk removed", ["removed"]),
    ],
    "lacked_capacity": [
        ("Yes, they lacked capacity", ["yes"]),
        ("No, they did not lack capacity", ["no"]),
        ("Don't know", ["dont_know"]),
        ("Not recorded", ["not_recorded"], FALLBACK),
    ],
    "msp_asked": [
        ("Yes they were asked and outcomes were expressed", ["asked_expressed"]),
        ("Yes they were asked but no outcomes were expressed", ["asked_not_expressed"]),
        ("No", ["no"]),
        ("Don't Know", ["dont_know"]),
        ("Not Recorded", ["not_recorded"], FALLBACK),
    ],
    "msp_achieved": [
        ("Fully Achieved", ["fully"]),
        ("Partially Achieved", ["partially"]),
        ("Not Achieved", ["not"]),
    ],
}


def load(apps, schema_editor):
    CodeList = apps.get_model("assurance", "CodeList")
    Category = apps.get_model("assurance", "Category")
    CodeMapping = apps.get_model("assurance", "CodeMapping")
    for name, rows in LISTS.items():
        code_list = CodeList.objects.create(name=name, first_year=FIRST_YEAR, source=SOURCE)
        for position, (label, codes, *options) in enumerate(rows, start=1):
            category = Category.objects.create(
                code_list=code_list, position=position, label=label, **(options[0] if options else {})
            )
            CodeMapping.objects.bulk_create(
                CodeMapping(code_list=code_list, category=category, code=code) for code in codes
            )


def unload(apps, schema_editor):
    apps.get_model("assurance", "CodeList").objects.filter(first_year=FIRST_YEAR).delete()


class Migration(migrations.Migration):
    dependencies = [("assurance", "0001_code_lists")]

    operations = [migrations.RunPython(load, unload)]
