from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "msp.practice"
    label = "practice"

    def ready(self) -> None:
        from msp.audit.signals import audit_changes
        from msp.practice.models import GuardConfig

        audit_changes(GuardConfig, "guard_settings")
