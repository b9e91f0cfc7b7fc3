"""Question and answers in one voice, and the mark of whose words they are.

``adult_text`` becomes ``text``; representatives get their own answers
(``representative_options``), and a question the framework asks in one wording
leaves the representative version blank. Existing versions keep exactly what
they showed: a representative saw the same answers, so those are copied.
"National" wordings are now called "published"."""

from django.db import migrations, models


def forwards(apps, schema_editor):
    SurveyQuestion = apps.get_model("survey", "SurveyQuestion")
    for question in SurveyQuestion.objects.all():
        question.representative_options = question.options
        if question.wording_source == "national":
            question.wording_source = "published"
        question.save(update_fields=["representative_options", "wording_source"])


def backwards(apps, schema_editor):
    SurveyQuestion = apps.get_model("survey", "SurveyQuestion")
    SurveyQuestion.objects.filter(wording_source="published").update(wording_source="national")


class Migration(migrations.Migration):
    dependencies = [("survey", "0002_load_msp_question_bank")]

    operations = [
        migrations.RenameField("surveyquestion", "adult_text", "text"),
        migrations.AddField(
            model_name="surveyquestion",
            name="representative_options",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name="surveyquestion",
            name="representative_text",
            field=models.TextField(blank=True),
        ),
        migrations.AlterField(
            model_name="surveyquestion",
            name="wording_source",
            field=models.CharField(
                choices=[("published", "published"), ("local", "local")],
                default="local",
                max_length=16,
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.AlterField(
            model_name='surveyquestion',
            name='options',
            field=models.JSONField(help_text='The answers to choose from, in the same voice as the question: a list of {"code": ..., "label": ...}'),
        ),
        migrations.AlterField(
            model_name='surveyquestion',
            name='representative_options',
            field=models.JSONField(blank=True, default=list, help_text='The same codes as the answers above, about the person (“Yes, they felt…”)', verbose_name='Answers for a representative'),
        ),
        migrations.AlterField(
            model_name='surveyquestion',
            name='representative_text',
            field=models.TextField(blank=True, help_text='Only where the framework has a representative version: about the person (“Did the person feel…”). Leave blank for a question with one wording', verbose_name='Question for a representative'),
        ),
        migrations.AlterField(
            model_name='surveyquestion',
            name='text',
            field=models.TextField(help_text='With a representative version: put to the person (“Did you feel…”). Without one: about the person (“Did the person feel…”)', verbose_name='Question'),
        ),
        migrations.AlterField(
            model_name='surveyquestion',
            name='wording_source',
            field=models.CharField(choices=[('published', "Published: the national outcomes framework's wording"), ('local', 'Local: our wording, to be replaced by the published one')], default='local', max_length=16),
        ),
    ]
