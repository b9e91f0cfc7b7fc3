"""/api/v1/. The API authenticates every request with a token, so Django's
sign-in requirement (LoginRequiredMiddleware) does not apply to it."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, JsonResponse
from django.urls import URLPattern, URLResolver, include, path, re_path
from ninja.errors import AuthenticationError

from msp.api.access import TOKEN
from msp.api.api import api


@login_not_required
def unknown_endpoint(request: HttpRequest) -> JsonResponse:
    """Anything else under /api/v1/: 401 without a token, like every endpoint, else 404."""
    try:
        TOKEN(request)
    except AuthenticationError as exc:
        response = JsonResponse({"detail": exc.message}, status=401)
        response["WWW-Authenticate"] = 'Bearer realm="api"'
        return response
    return JsonResponse({"detail": "No such API endpoint"}, status=404)


_patterns, _app_name, _namespace = api.urls
# Ninja's root page is HTML (a redirect in DEBUG): answer there in JSON instead,
# under the same name, which ninja reverses to find the API's prefix.
_patterns = [
    path("", unknown_endpoint, name="api-root") if getattr(p, "name", None) == "api-root" else p
    for p in _patterns
]
for _pattern in _patterns:
    if isinstance(_pattern, URLPattern):
        login_not_required(_pattern.callback)

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include((_patterns, _app_name), namespace=_namespace)),
    re_path(r"^.*$", unknown_endpoint),
]
