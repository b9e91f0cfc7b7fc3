"""GOV.UK Notify, through its maintained Python client.

Configured by environment variables (see the README): the API key, and the ids
of an email template and a text message template, each with a ``((subject))``
(email only) and a ``((body))`` placeholder. Letters go as precompiled PDFs, so
they need no template. The client is given to the backend, so a test can hand
it a stand-in for Notify, which is outside our control.
"""

import io
from dataclasses import dataclass
from typing import Any, Protocol

from django.conf import settings

from msp.delivery.interface import DeliveryFailed, Receipt


class NotifyClient(Protocol):
    """The part of ``notifications_python_client.NotificationsAPIClient`` we use."""

    def send_email_notification(
        self, email_address: Any, template_id: Any, personalisation: Any = ..., reference: Any = ...
    ) -> Any: ...

    def send_sms_notification(
        self, phone_number: Any, template_id: Any, personalisation: Any = ..., reference: Any = ...
    ) -> Any: ...

    def send_precompiled_letter_notification(
        self, reference: Any, pdf_file: Any, postage: Any = ...
    ) -> Any: ...


def _failed(error: Exception) -> DeliveryFailed:
    """Notify's error in plain words. 5xx and 429 (too many requests) may
    pass; 4xx means the request must change (Notify's message says why; it
    names fields, not the content)."""
    from notifications_python_client.errors import APIError

    if isinstance(error, APIError):
        status = int(error.status_code)
        temporary = status >= 500 or status == 429
        return DeliveryFailed(
            f"GOV.UK Notify refused it ({status}): {error.message}", temporary=temporary
        )
    return DeliveryFailed("GOV.UK Notify could not be reached.", temporary=True)


def _id(response: Any) -> str:
    if isinstance(response, dict):
        return str(response.get("id", ""))
    return ""


@dataclass(frozen=True)
class NotifyBackend:
    client: NotifyClient
    email_template_id: str
    text_template_id: str
    postage: str = "second"
    name: str = "notify"

    @classmethod
    def from_settings(cls) -> "NotifyBackend":
        from notifications_python_client.notifications import NotificationsAPIClient

        if not settings.NOTIFY_API_KEY:
            raise DeliveryFailed(
                "Set MSP_NOTIFY_API_KEY to send through GOV.UK Notify.", temporary=False
            )
        return cls(
            client=NotificationsAPIClient(settings.NOTIFY_API_KEY),  # type: ignore[no-untyped-call]
            email_template_id=settings.NOTIFY_EMAIL_TEMPLATE_ID,
            text_template_id=settings.NOTIFY_TEXT_TEMPLATE_ID,
            postage=settings.NOTIFY_POSTAGE,
        )

    def _template(self, template_id: str, variable: str) -> str:
        if not template_id:
            raise DeliveryFailed(
                f"Set {variable} to send this through GOV.UK Notify.", temporary=False
            )
        return template_id

    def send_email(
        self, *, to: str, subject: str, body: str, reference: str, pdf: bytes | None = None
    ) -> Receipt:
        template = self._template(self.email_template_id, "MSP_NOTIFY_EMAIL_TEMPLATE_ID")
        personalisation: dict[str, Any] = {"subject": subject, "body": body}
        if pdf is not None:
            from notifications_python_client.utils import prepare_upload

            personalisation["link_to_file"] = prepare_upload(  # type: ignore[no-untyped-call]
                io.BytesIO(pdf), filename=f"{reference}.pdf", confirm_email_before_download=True
            )
        try:
            response = self.client.send_email_notification(
                email_address=to,
                template_id=template,
                personalisation=personalisation,
                reference=reference,
            )
        except Exception as error:
            raise _failed(error) from None
        return Receipt(backend=self.name, id=_id(response))

    def send_letter(self, *, pdf: bytes, reference: str) -> Receipt:
        try:
            response = self.client.send_precompiled_letter_notification(
                reference=reference, pdf_file=io.BytesIO(pdf), postage=self.postage
            )
        except Exception as error:
            raise _failed(error) from None
        return Receipt(backend=self.name, id=_id(response))

    def send_text(self, *, to: str, body: str, reference: str) -> Receipt:
        template = self._template(self.text_template_id, "MSP_NOTIFY_TEXT_TEMPLATE_ID")
        try:
            response = self.client.send_sms_notification(
                phone_number=to,
                template_id=template,
                personalisation={"body": body},
                reference=reference,
            )
        except Exception as error:
            raise _failed(error) from None
        return Receipt(backend=self.name, id=_id(response))
