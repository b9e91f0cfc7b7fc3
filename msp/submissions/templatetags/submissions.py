from django import template
from django.utils.html import format_html

from msp.submissions.web import TOKEN_FIELD, new_token, posted_token

register = template.Library()


@register.simple_tag(takes_context=True)
def submission_token(context: template.Context) -> str:
    """The hidden one-time token of a creating form. A form shown again with errors
    keeps the token it was submitted with."""
    request = context.get("request")
    token = posted_token(request) if request is not None and request.method == "POST" else None
    return format_html(
        '<input type="hidden" name="{}" value="{}">', TOKEN_FIELD, token or new_token()
    )
