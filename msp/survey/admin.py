from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from msp.accounts.models import User
from msp.survey.bank import save_question
from msp.survey.codes import WordingSource
from msp.survey.models import SurveyQuestion

FIELDS: list[str | list[str] | tuple[str, ...] | tuple[()]] = [
    "number",
    "version",
    "topic",
    "wording_source",
    "text",
    "options",
    "representative_text",
    "representative_options",
    "active",
    "note",
]

LOCAL_WARNING = (
    "This is a local wording: our own words, not the national outcomes framework's. "
    "Replace it with the published wording (manage.py load_published_wordings FILE) "
    "before you report on it."
)


class SurveyQuestionForm(forms.ModelForm[SurveyQuestion]):
    class Meta:
        model = SurveyQuestion
        fields = FIELDS

    def clean_representative_options(self) -> Any:
        # Left empty for a question with one wording: no answers, not null.
        return self.cleaned_data.get("representative_options") or []

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
    list_display = ["number", "version", "topic", "active", "wording", "two_versions"]
    list_filter = ["wording_source", "active", "number"]
    fields = FIELDS
    change_form_template = "admin/survey/surveyquestion/change_form.html"

    @admin.display(description="Wording", ordering="wording_source")
    def wording(self, obj: SurveyQuestion) -> SafeString:
        if obj.wording_source == WordingSource.LOCAL:
            return format_html(
                '<strong class="msp-local-wording" style="color:#d4351c">{}</strong>',
                "LOCAL: to be replaced",
            )
        return format_html("<span>{}</span>", "Published")

    @admin.display(description="Adult and representative versions", boolean=True)
    def two_versions(self, obj: SurveyQuestion) -> bool:
        return obj.has_versions

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["number", "version"] if obj is not None else []

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        question = self.get_object(request, object_id)
        local = question is not None and question.is_local
        return super().change_view(
            request,
            object_id,
            form_url,
            {**(extra_context or {}), "local_wording_warning": LOCAL_WARNING if local else ""},
        )

    def save_model(
        self, request: HttpRequest, obj: SurveyQuestion, form: Any, change: bool
    ) -> None:
        user = request.user if isinstance(request.user, User) else None
        save_question(obj, by=user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None or not obj.is_answered
