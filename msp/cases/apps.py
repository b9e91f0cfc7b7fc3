from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "msp.cases"
    label = "cases"

    def ready(self) -> None:
        from msp.audit.signals import audit_changes
        from msp.cases.models import CouncilPolicy

        audit_changes(CouncilPolicy, "council_policy")

        from msp.cases import revision

        revision.connect()
