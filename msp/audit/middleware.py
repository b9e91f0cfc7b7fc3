from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from msp.audit.channel import current_channel, current_request
from msp.audit.log import flush_deferred, start_deferred


class AuditChannelMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        channel = current_channel.set("api" if request.path.startswith("/api/") else "web")
        req = current_request.set(request)
        deferred = start_deferred()
        try:
            return self.get_response(request)
        finally:
            try:
                flush_deferred(deferred)
            finally:
                current_request.reset(req)
                current_channel.reset(channel)
