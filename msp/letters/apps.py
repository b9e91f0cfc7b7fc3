from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "msp.letters"
    label = "letters"
    verbose_name = "Letters"
