"""One generated data set shared by a module's tests, rolled back at the end."""

import pytest
from django.db import transaction

from msp.assurance.synthetic import generate

SIZE = 2_000
SEED = 11


@pytest.fixture(scope="module")
def _generated(django_db_setup, django_db_blocker):
    """Generate SIZE concerns once per module inside a transaction that is
    rolled back afterwards. Each test runs in a savepoint inside it."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield generate(concerns=SIZE, seed=SEED)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def generated(_generated, db):
    """The result of generate(concerns=SIZE, seed=SEED), with its rows in the database."""
    return _generated
