"""Tokens remember a keyed fingerprint of their user's password hash, so a
password changed by any route ends them. Existing tokens take their user's
current fingerprint."""

from django.db import migrations, models
from django.utils.crypto import salted_hmac

# The same key salt Django uses for AbstractBaseUser.get_session_auth_hash().
KEY_SALT = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"


def mark_existing(apps, schema_editor):  # type: ignore[no-untyped-def]
    ApiToken = apps.get_model("accounts", "ApiToken")
    for token in ApiToken.objects.select_related("user"):
        mark = salted_hmac(KEY_SALT, token.user.password, algorithm="sha256").hexdigest()
        ApiToken.objects.filter(pk=token.pk).update(password_mark=mark)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_token_life_and_role_grants")]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="password_mark",
            field=models.CharField(blank=True, editable=False, max_length=128),
        ),
        migrations.RunPython(mark_existing, migrations.RunPython.noop),
    ]
