from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "msp.imports"
    label = "imports"
    verbose_name = "Importing cases"
