from django.apps import AppConfig


class SurveyConfig(AppConfig):
    name = "msp.survey"
    label = "survey"
