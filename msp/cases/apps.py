from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "msp.cases"
    label = "cases"
