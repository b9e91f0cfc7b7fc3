from django.apps import AppConfig


class AssuranceConfig(AppConfig):
    name = "msp.assurance"
    label = "assurance"
