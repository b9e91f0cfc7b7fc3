"""Writers on separate connections at the same time extend one chain: the lock
serialises them, so no two events share a sequence number and no link forks."""

import threading

import pytest
from django.db import connection, connections, transaction

from msp.audit.log import write
from msp.audit.models import AuditEvent
from msp.audit.verify import verify

pytestmark = pytest.mark.django_db(transaction=True)


def test_concurrent_writers_do_not_fork_the_chain():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers itself (IMMEDIATE transactions)")
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def writer(n: int) -> None:
        try:
            start.wait()
            for i in range(15):
                with transaction.atomic():
                    write(by=None, action="test.write", object_type="t", object_id=f"{n}-{i}")
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert AuditEvent.objects.filter(action="test.write").count() == 60
    result = verify()
    assert result.ok, result.problems
    assert result.checked == AuditEvent.objects.count()
