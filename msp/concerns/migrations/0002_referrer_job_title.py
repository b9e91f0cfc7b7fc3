"""The referrer's job title gets its own name: it was ``referrer_role``, which
on an involvement record meant something else (free text about their part)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("concerns", "0001_initial"),
    ]

    operations = [
        migrations.RenameField(
            model_name="concern",
            old_name="referrer_role",
            new_name="referrer_job_title",
        ),
        migrations.AlterField(
            model_name="concern",
            name="referrer_job_title",
            field=models.CharField(blank=True, max_length=200, verbose_name="Their role or job title"),
        ),
    ]
