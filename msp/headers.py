"""Response headers every page and API response carries.

- ``Cache-Control: no-store``: pages and API responses show personal data, so no
  browser, proxy or shared computer may keep a copy (the back button after signing
  out must not show a case). Static files are served by WhiteNoise before this
  middleware runs, so they keep their long cache.
- ``Permissions-Policy``: the service uses no camera, microphone, location,
  payment or similar browser features, so they are turned off for it and for
  anything it could be tricked into embedding. Passkeys are the one exception:
  making and using them is allowed for the service's own pages only (``self``),
  never for anything embedded.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

# Browser features the service never uses, each switched off with "()".
UNUSED_FEATURES = (
    "accelerometer",
    "autoplay",
    "bluetooth",
    "browsing-topics",
    "camera",
    "display-capture",
    "encrypted-media",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
# Passkeys (msp/accounts/passkeys.py): our own pages only.
OWN_PAGES_ONLY = ("publickey-credentials-create", "publickey-credentials-get")
PERMISSIONS_POLICY = ", ".join(
    [f"{feature}=()" for feature in UNUSED_FEATURES]
    + [f"{feature}=(self)" for feature in OWN_PAGES_ONLY]
)


class NoStoreMiddleware:
    """Adds ``Cache-Control: no-store`` and ``Permissions-Policy`` to every response
    the application makes (static files never reach it)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response["Cache-Control"] = "no-store"
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
