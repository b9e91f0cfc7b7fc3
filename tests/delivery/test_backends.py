"""The delivery interface: the local outbox for real, and the GOV.UK Notify
backend given a stand-in client (Notify itself is outside our control; the
interface that hands the backend its client is ours)."""

import pytest
from notifications_python_client.errors import HTTPError

from msp import delivery
from msp.delivery.notify import NotifyBackend
from msp.delivery.outbox import OutboxBackend, messages

PDF = b"%PDF-1.7 a letter"


def test_the_outbox_keeps_each_message_where_a_test_can_read_it(settings, tmp_path):
    settings.DELIVERY_BACKEND = "outbox"
    settings.DELIVERY_OUTBOX_DIR = str(tmp_path / "outbox")
    email = delivery.send_email(
        to="jo@example.org", subject="We have your concern", body="Dear Jo", reference="letter-1"
    )
    letter = delivery.send_letter(pdf=PDF, reference="letter-2")
    text = delivery.send_text(to="07700900123", body="Your reference", reference="letter-3")
    held = messages()
    assert [m["kind"] for m in held] == ["email", "letter", "text"]
    assert [m["id"] for m in held] == [email.id, letter.id, text.id]
    assert held[0]["to"] == "jo@example.org" and held[0]["body"] == "Dear Jo"
    assert held[1]["pdf_bytes"] == PDF and held[1]["reference"] == "letter-2"
    assert held[2]["to"] == "07700900123"


def test_an_outbox_that_cannot_be_written_fails_loudly(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with pytest.raises(delivery.DeliveryFailed) as failed:
        OutboxBackend(blocked / "outbox").send_letter(pdf=PDF, reference="letter-1")
    assert failed.value.temporary


class StandInNotify:
    """Records what the backend asked Notify to do; can be told to fail."""

    def __init__(self, fail_with: Exception | None = None) -> None:
        self.calls: list[tuple[str, dict]] = []
        self.fail_with = fail_with

    def _answer(self, name: str, kwargs: dict) -> dict:
        self.calls.append((name, kwargs))
        if self.fail_with is not None:
            raise self.fail_with
        return {"id": f"notify-{len(self.calls)}"}

    def send_email_notification(self, email_address, template_id, **kw):
        return self._answer(
            "email", {"email_address": email_address, "template_id": template_id, **kw}
        )

    def send_sms_notification(self, phone_number, template_id, **kw):
        return self._answer("sms", {"phone_number": phone_number, "template_id": template_id, **kw})

    def send_precompiled_letter_notification(self, reference, pdf_file, postage=None):
        return self._answer(
            "letter", {"reference": reference, "pdf": pdf_file.read(), "postage": postage}
        )


def notify(client) -> NotifyBackend:
    return NotifyBackend(client=client, email_template_id="email-tpl", text_template_id="sms-tpl")


def test_notify_sends_email_letters_and_texts_with_our_templates():
    client = StandInNotify()
    backend = notify(client)
    assert (
        backend.send_email(
            to="jo@example.org", subject="Hello", body="Dear Jo", reference="letter-1"
        ).id
        == "notify-1"
    )
    backend.send_letter(pdf=PDF, reference="letter-2")
    backend.send_text(to="07700900123", body="Hi", reference="letter-3")
    (_, email), (_, letter), (_, sms) = client.calls
    assert email["template_id"] == "email-tpl"
    assert email["personalisation"] == {"subject": "Hello", "body": "Dear Jo"}
    assert email["reference"] == "letter-1"
    assert letter == {"reference": "letter-2", "pdf": PDF, "postage": "second"}
    assert sms["template_id"] == "sms-tpl" and sms["personalisation"] == {"body": "Hi"}


def test_an_email_with_a_letter_attached_sends_it_as_a_file_to_download():
    client = StandInNotify()
    notify(client).send_email(
        to="jo@example.org", subject="Hello", body="Dear Jo", reference="letter-1", pdf=PDF
    )
    upload = client.calls[0][1]["personalisation"]["link_to_file"]
    assert upload["filename"] == "letter-1.pdf" and upload["confirm_email_before_download"]


class FakeResponse:
    def __init__(self, status: int, message: str) -> None:
        self.status_code = status
        self._message = message

    def json(self) -> dict:
        return {"errors": [{"message": self._message}]}


@pytest.mark.parametrize(
    ("status", "temporary"), [(500, True), (503, True), (429, True), (400, False), (403, False)]
)
def test_notify_refusals_say_whether_trying_again_may_work(status, temporary):
    backend = notify(StandInNotify(fail_with=HTTPError(FakeResponse(status, "bad"))))
    with pytest.raises(delivery.DeliveryFailed) as failed:
        backend.send_letter(pdf=PDF, reference="letter-1")
    assert failed.value.temporary is temporary
    assert f"({status})" in str(failed.value)


def test_notify_unreachable_is_a_temporary_failure():
    backend = notify(StandInNotify(fail_with=ConnectionError("no route")))
    with pytest.raises(delivery.DeliveryFailed) as failed:
        backend.send_text(to="07700900123", body="Hi", reference="letter-1")
    assert failed.value.temporary


def test_notify_without_a_template_id_is_refused_before_calling_it():
    client = StandInNotify()
    backend = NotifyBackend(client=client, email_template_id="", text_template_id="")
    with pytest.raises(delivery.DeliveryFailed, match="MSP_NOTIFY_EMAIL_TEMPLATE_ID"):
        backend.send_email(to="jo@example.org", subject="s", body="b", reference="r")
    assert client.calls == []


def test_notify_is_chosen_by_the_setting_and_needs_its_key(settings):
    settings.DELIVERY_BACKEND = "notify"
    settings.NOTIFY_API_KEY = ""
    with pytest.raises(delivery.DeliveryFailed, match="MSP_NOTIFY_API_KEY"):
        delivery.backend()
    settings.NOTIFY_API_KEY = "test_key-" + "0" * 36 + "-" + "0" * 36
    assert delivery.backend().name == "notify"
