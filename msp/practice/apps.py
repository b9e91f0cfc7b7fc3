from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "msp.practice"
    label = "practice"
