"""Version 2 of the question bank (msp/survey/fixtures/msp_questions.json):
questions and answers in the same voice, and adult and representative versions
only for questions 4 to 7, as in the outcomes framework.

Version 1 stays, inactive, so answers already given keep the words they
replied to. Self-contained: historical models, plain JSON, and only the fields
this migration knows."""

import json
from pathlib import Path

from django.db import migrations

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "msp_questions.json"
FIELDS = {
    "topic",
    "text",
    "options",
    "representative_text",
    "representative_options",
    "wording_source",
    "note",
}
BANK_VERSION = 2


def load(apps, schema_editor):
    SurveyQuestion = apps.get_model("survey", "SurveyQuestion")
    for entry in json.loads(FIXTURE.read_text(encoding="utf-8")):
        fields = entry["fields"]
        number = fields["number"]
        if fields.get("version") != BANK_VERSION:
            continue
        if SurveyQuestion.objects.filter(number=number, version__gte=BANK_VERSION).exists():
            continue  # the council has moved on already: keep theirs
        SurveyQuestion.objects.filter(number=number, active=True).update(active=False)
        SurveyQuestion.objects.create(
            number=number,
            version=BANK_VERSION,
            active=True,
            **{k: v for k, v in fields.items() if k in FIELDS},
        )


def unload(apps, schema_editor):
    SurveyQuestion = apps.get_model("survey", "SurveyQuestion")
    for question in SurveyQuestion.objects.filter(version=BANK_VERSION, answers__isnull=True):
        number = question.number
        question.delete()
        SurveyQuestion.objects.filter(number=number, version=1).update(active=True)


class Migration(migrations.Migration):
    dependencies = [("survey", "0003_wording_voice_and_source")]

    operations = [migrations.RunPython(load, unload)]
