"""Template tags that render Django form fields as GOV.UK Frontend components.

    {% field form.what_happened %}
    {% field form.raised_via legend_class="govuk-fieldset__legend--m" %}
    {% field form.postcode classes="govuk-input--width-10" autocomplete="postal-code" %}
    {% error_summary form %}

The component is chosen from the widget: radios, checkboxes, date input,
textarea, select, or text input. Conditional reveals come from the form's
``conditionals`` and option hints from its ``item_hints`` (see GovukForm).
"""

from typing import Any

from django import forms, template
from django.conf import settings
from django.template.loader import get_template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from msp.govuk.fields import GovukDateWidget
from msp.govuk.forms import GovukForm, error_list
from msp.govuk.navigation import items_for

register = template.Library()

EN_DASH = "\u2013"


def _kind(widget: forms.Widget) -> str:
    if isinstance(widget, GovukDateWidget):
        return "date"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    return "input"


def _selected(value: Any) -> set[str]:
    if value is None:
        return set()
    if isinstance(value, list | tuple | set):
        return {str(v) for v in value}
    return {str(value)}


def render_field(bound: forms.BoundField, **options: Any) -> SafeString:
    form = bound.form
    kind = _kind(bound.field.widget)
    base_id = str(bound.auto_id or bound.html_name)
    errors = [str(e) for e in bound.errors]
    hint = options.pop("hint", bound.help_text)
    described = []
    if hint:
        described.append(f"{base_id}-hint")
    if errors:
        described.append(f"{base_id}-error")
    ctx: dict[str, Any] = {
        "id": base_id,
        "name": bound.html_name,
        "label": options.pop("label", bound.label),
        "hint": hint,
        "error": errors[0] if errors else "",
        "described_by": " ".join(described),
        "required": bound.field.required,
        **options,
    }
    value = bound.value()
    if kind == "date":
        ctx["parts"] = [
            {
                "name": part,
                "label": part.capitalize(),
                "value": v,
                "width": 4 if part == "year" else 2,
            }
            for part, v in zip(("day", "month", "year"), GovukDateWidget.parts(value), strict=True)
        ]
    elif kind in ("radios", "checkboxes", "select"):
        selected = _selected(value)
        conditionals = form.conditionals.get(bound.name, {}) if isinstance(form, GovukForm) else {}
        hints = form.item_hints.get(bound.name, {}) if isinstance(form, GovukForm) else {}
        items: list[dict[str, Any]] = []
        for index, (choice, label) in enumerate(bound.field.choices, start=1):  # type: ignore[attr-defined]
            if choice == "" and kind != "select":
                continue
            item_id = base_id if not items else f"{base_id}-{index}"
            nested = conditionals.get(str(choice), ())
            nested_errors = any(form[n].errors for n in nested)
            checked = str(choice) in selected
            items.append(
                {
                    "id": item_id,
                    "value": choice,
                    "label": label,
                    "checked": checked,
                    "hint": hints.get(str(choice), ""),
                    "conditional": mark_safe(  # noqa: S308 - rendered by our own templates
                        "".join(render_field(form[n]) for n in nested)
                    )
                    if nested
                    else "",
                    "open": checked or nested_errors,
                }
            )
        ctx["items"] = items
    elif kind == "input":
        widget = bound.field.widget
        ctx["type"] = getattr(widget, "input_type", "text")
        ctx["value"] = "" if value is None else value
        if ctx["type"] == "number":
            ctx["type"] = "text"
            ctx.setdefault("inputmode", "numeric")
    else:
        ctx["value"] = "" if value is None else value
    html = get_template(f"govuk/fields/{kind}.html").render(ctx)
    return mark_safe(html)  # noqa: S308 - our templates escape what the user typed


@register.simple_tag
def field(bound: forms.BoundField, **options: Any) -> SafeString:
    return render_field(bound, **options)


@register.simple_tag
def fields(form: forms.Form) -> SafeString:
    """Every visible field of ``form`` in order, except those revealed conditionally."""
    nested = form.nested_fields if isinstance(form, GovukForm) else set()
    return mark_safe(  # noqa: S308 - rendered by our own templates
        "".join(render_field(b) for b in form if not b.is_hidden and b.name not in nested)
    )


@register.inclusion_tag("govuk/includes/error_summary.html")
def error_summary(form: forms.Form | None = None, problem: str = "") -> dict[str, Any]:
    """The error summary for ``form``, plus an optional message about the record
    (for example, that the case cannot move to this step)."""
    items: list[tuple[str, str]] = []
    if form is not None and form.is_bound and form.errors:
        items = error_list(form)
    return {"items": items, "problem": problem}


@register.simple_tag(takes_context=True)
def page_title(context: template.Context, title: str) -> str:
    """``{h1} - {service name}`` joined by an en dash, with "Error: " first when
    the page shows errors."""
    form = context.get("form")
    has_errors = bool(context.get("problem")) or bool(
        form is not None and getattr(form, "is_bound", False) and form.errors
    )
    name = context.get("service_name") or settings.SERVICE_NAME
    return f"{'Error: ' if has_errors else ''}{title} {EN_DASH} {name}"


@register.simple_tag
def service_name_setting() -> str:
    """The service name where no request context exists (the 500 page)."""
    return str(settings.SERVICE_NAME)


@register.inclusion_tag("govuk/includes/service_navigation.html", takes_context=True)
def service_navigation(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    items = []
    if user is not None and user.is_authenticated:
        for item in items_for(user.role):
            items.append(
                {
                    "label": item.label,
                    "href": reverse(item.url_name),
                    "current": view_name == item.url_name,
                    "active": view_name in item.pages,
                }
            )
    return {
        "service_name": context.get("service_name") or settings.SERVICE_NAME,
        "home": reverse("cases:home"),
        "items": items,
    }
