from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "msp.privacy"
    label = "privacy"
    verbose_name = "Data protection"

    def ready(self) -> None:
        from msp.audit.signals import audit_changes
        from msp.privacy.models import RetentionRule

        audit_changes(RetentionRule, "retention_rule")
