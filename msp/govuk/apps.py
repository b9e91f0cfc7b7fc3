from django.apps import AppConfig


class GovukConfig(AppConfig):
    name = "msp.govuk"
    label = "govuk"
