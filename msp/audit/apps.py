from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "msp.audit"
    label = "audit"
