from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from msp.accounts.models import User
from msp.survey.bank import save_question
from msp.survey.models import SurveyQuestion


class SurveyQuestionForm(forms.ModelForm[SurveyQuestion]):
    class Meta:
        model = SurveyQuestion
        fields = [
            "number",
            "version",
            "topic",
            "adult_text",
            "representative_text",
            "options",
            "active",
            "wording_source",
            "note",
        ]

    def validate_constraints(self) -> None:
        # Saving an active version makes it replace the question's active one
        # (see save_question), so "one active version" is not an input error.
        exclude = {f.name for f in SurveyQuestion._meta.fields if f.name not in self.fields}
        try:
            self.instance.validate_constraints(exclude=exclude | {"active"})
        except ValidationError as error:
            self.add_error(None, error)


@admin.register(SurveyQuestion)
class SurveyQuestionAdmin(admin.ModelAdmin[SurveyQuestion]):
    """The question bank. Editing a version that people have answered saves the
    edit as a new version, so their answers keep the words they replied to.
    Survey responses are personal data and are not shown here."""

    form = SurveyQuestionForm
    list_display = ["number", "version", "topic", "active", "wording_source"]
    list_filter = ["active", "wording_source", "number"]
    fields = [
        "number",
        "version",
        "topic",
        "adult_text",
        "representative_text",
        "options",
        "active",
        "wording_source",
        "note",
    ]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["number", "version"] if obj is not None else []

    def save_model(
        self, request: HttpRequest, obj: SurveyQuestion, form: Any, change: bool
    ) -> None:
        user = request.user if isinstance(request.user, User) else None
        save_question(obj, by=user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None or not obj.is_answered
