"""Two requests with the same key at the same moment create one record: the
unique constraint makes the second wait for the first and then find its row.
PostgreSQL only: that is where requests really run side by side."""

import threading
import time

import pytest
from django.db import connection

from msp.people.models import Person
from msp.submissions.models import Channel
from msp.submissions.once import Once, carry_out_once
from tests import factories

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent transactions need PostgreSQL (SQLite runs one writer at a time)",
)


@pytest.mark.django_db(transaction=True)
def test_two_requests_at_once_create_one_person(practitioner):
    barrier = threading.Barrier(2)
    results: list[Once[int]] = []
    errors: list[BaseException] = []

    def create() -> int:
        time.sleep(0.3)  # hold the claim while the other request arrives
        return factories.person(practitioner, family_name="Concurrent").pk

    def request() -> None:
        try:
            barrier.wait(timeout=10)
            results.append(
                carry_out_once(
                    user=practitioner,
                    channel=Channel.API,
                    key="same-key",
                    operation="person",
                    fingerprint="same-body",
                    act=create,
                    target_of=lambda pk: pk,
                )
            )
        except BaseException as error:  # reported below, not lost in the thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=request) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    assert Person.objects.filter(family_name="Concurrent").count() == 1
    assert sorted(once.replayed for once in results) == [False, True]
    assert results[0].target_id == results[1].target_id
