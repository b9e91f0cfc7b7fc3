"""A URL that fails, to see what a server error response carries."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from msp.urls import urlpatterns as real


def fail(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a deliberate failure")


urlpatterns = [*real, path("fail/", fail)]
