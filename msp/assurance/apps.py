from django.apps import AppConfig


class AssuranceConfig(AppConfig):
    name = "msp.assurance"
    label = "assurance"

    def ready(self) -> None:
        from msp.assurance.models import Category, CodeList, CodeMapping
        from msp.audit.signals import audit_changes

        for model in (CodeList, Category, CodeMapping):
            audit_changes(model, "code_list")

        from msp.assurance import freshness

        freshness.connect()
