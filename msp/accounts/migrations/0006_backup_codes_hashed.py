"""Backup codes are kept as keyed hashes (``msp.accounts.two_factor.kept``),
not as the codes. Codes made before this are hashed in place, so they keep
working: a code is 10 characters, a kept hash 16."""

from django.db import migrations

from msp.accounts.two_factor import BACKUP_LENGTH, kept


def hash_codes(apps, schema_editor):
    StaticToken = apps.get_model("otp_static", "StaticToken")
    for token in StaticToken.objects.all():
        if len(token.token) == BACKUP_LENGTH:
            token.token = kept(token.token)
            token.save(update_fields=["token"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_kept_forms"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(hash_codes, migrations.RunPython.noop)]
