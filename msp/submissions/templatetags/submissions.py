from typing import Any

from django import template

from msp.submissions.web import TOKEN_FIELD, new_token, posted_token

register = template.Library()


@register.inclusion_tag("submissions/token.html", takes_context=True)
def submission_token(context: template.Context) -> dict[str, Any]:
    """The hidden one-time token of a creating form, with the script that keeps it
    across the back button. A form shown again with errors keeps the token it was
    submitted with."""
    request = context.get("request")
    token = posted_token(request) if request is not None and request.method == "POST" else None
    return {
        "name": TOKEN_FIELD,
        "token": token or new_token(),
        "csp_nonce": context.get("csp_nonce", ""),
    }
