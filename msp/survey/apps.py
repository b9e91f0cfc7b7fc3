from django.apps import AppConfig


class SurveyConfig(AppConfig):
    name = "msp.survey"
    label = "survey"

    def ready(self) -> None:
        from msp.audit.signals import audit_changes
        from msp.survey.models import SurveyQuestion

        # Saves are audited by survey.bank.save_question; deletes here.
        audit_changes(SurveyQuestion, "survey_question", saves=False)
