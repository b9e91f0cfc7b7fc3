"""Each closure keeps the overall achievement of the desired outcomes that
existed when the case closed. Existing closures are filled in from today's
ratings of those outcomes: what the figures counted for them until now."""

from collections import defaultdict

from django.db import migrations, models

from msp.enquiries.rules import overall_achievement

BATCH = 2000


def fill(apps, schema_editor):
    Closure = apps.get_model("enquiries", "Closure")
    DesiredOutcome = apps.get_model("enquiries", "DesiredOutcome")
    outcomes = defaultdict(list)
    for case_id, created_at, achievement in DesiredOutcome.objects.exclude(
        achievement=""
    ).values_list("case_id", "created_at", "achievement"):
        outcomes[case_id].append((created_at, achievement))
    changed = []
    # Every closure is read (not filtered by a list of cases: SQLite limits how
    # many values one query may carry); those of cases with no rating are skipped.
    closures = Closure.objects.only("pk", "case_id", "closed_at").iterator(chunk_size=BATCH)
    for closure in closures:
        if closure.case_id not in outcomes:
            continue
        ratings = [a for at, a in outcomes[closure.case_id] if at <= closure.closed_at]
        closure.outcomes_achieved = overall_achievement(ratings) or ""
        if closure.outcomes_achieved:
            changed.append(closure)
    Closure.objects.bulk_update(changed, ["outcomes_achieved"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("enquiries", "0009_outcome_said_at_concern"),
    ]

    operations = [
        migrations.AddField(
            model_name="closure",
            name="outcomes_achieved",
            field=models.CharField(
                blank=True,
                choices=[
                    ("fully", "Fully Achieved"),
                    ("partially", "Partially Achieved"),
                    ("not", "Not Achieved"),
                ],
                editable=False,
                max_length=16,
                verbose_name="Overall achievement of the desired outcomes",
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
