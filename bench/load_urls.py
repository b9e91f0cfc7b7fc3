"""The project's pages, and the floor: a signed-in page that does nothing, through
the same middleware (sessions, sign-in, two-factor, audit channel, headers).
Used by bench/load_bench.py only; never in the product's URLs."""

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, path

from msp.urls import urlpatterns as project_urls


def floor(request: HttpRequest) -> HttpResponse:
    return HttpResponse("floor", content_type="text/plain")


urlpatterns: list[URLPattern | URLResolver] = [path("bench/floor/", floor), *project_urls]
