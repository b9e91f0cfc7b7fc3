"""Load the first version of the outcome survey's question bank (msp_questions_v1.json).

Self-contained (historical models, plain JSON) so it keeps working as the app
changes. Later edits to the fixture are loaded with
``manage.py load_survey_questions``, which keeps answered versions unchanged."""

import json
from pathlib import Path

from django.db import migrations

# The first bank, as it was first loaded. Later banks are later migrations.
FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "msp_questions_v1.json"


def load(apps, schema_editor):
    SurveyQuestion = apps.get_model("survey", "SurveyQuestion")
    for entry in json.loads(FIXTURE.read_text(encoding="utf-8")):
        fields = dict(entry["fields"])
        number, version = fields.pop("number"), fields.pop("version", 1)
        if not SurveyQuestion.objects.filter(number=number, version=version).exists():
            SurveyQuestion.objects.create(number=number, version=version, **fields)


def unload(apps, schema_editor):
    SurveyQuestion = apps.get_model("survey", "SurveyQuestion")
    SurveyQuestion.objects.filter(answers__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("survey", "0001_question_bank_and_responses")]

    operations = [migrations.RunPython(load, unload)]
