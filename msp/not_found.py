"""The service's own "Page not found" page, in development too.

With ``DEBUG`` on, Django answers a missing page with its technical page,
which lists every URL pattern. Staff trying the service locally (``make
run``) should see what they will see in production, so in development this
middleware swaps any HTML 404 for the service's page. The API keeps its
JSON answers. In production (``DEBUG`` off) Django already uses 404.html and
the middleware does nothing.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.defaults import page_not_found


class OwnNotFoundPageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            settings.DEBUG
            and response.status_code == 404
            and response.get("Content-Type", "").startswith("text/html")
            and not request.path.startswith("/api/")
        ):
            return page_not_found(request, Exception("Page not found"))
        return response
