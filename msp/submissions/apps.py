from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    name = "msp.submissions"
    label = "submissions"
    verbose_name = "Submissions carried out once"
