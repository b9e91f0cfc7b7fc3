"""Stored figures are sealed: bytes written straight into the database (by
someone with access to it, not this service) are never unpickled, so they
cannot run code in the web server; the figures are counted again instead."""

import builtins
import pickle

import pytest
from django.utils import timezone

from msp.assurance.builds import RETURN_PURPOSE, stored_return
from msp.assurance.freshness import version_of
from msp.assurance.models import BuildState, ReturnBuild
from msp.assurance.period import Period
from msp.board.measures import GRID_PURPOSE, _grid, year_grid
from msp.board.models import StoredFigures
from msp.sealed import seal, unseal
from tests import factories

THIS_YEAR = Period.containing(timezone.localdate()).year


class Payload:
    """What an attacker would store: unpickling it runs code."""

    def __reduce__(self):
        return (exec, ("import builtins; builtins.MSP_PAYLOAD_RAN = True",))


@pytest.fixture(autouse=True)
def no_payload():
    yield
    if hasattr(builtins, "MSP_PAYLOAD_RAN"):
        del builtins.MSP_PAYLOAD_RAN


def test_a_sealed_value_comes_back_only_with_its_seal_and_purpose(settings):
    value = {"counts": [1, 2, 3], "year": 2025}
    sealed = seal(value, "test")
    assert unseal(sealed, "test") == value
    assert unseal(memoryview(sealed), "test") == value
    assert unseal(sealed, "another purpose") is None
    tampered = bytearray(sealed)
    tampered[-1] ^= 1
    assert unseal(bytes(tampered), "test") is None
    assert unseal(b"", "test") is None
    assert unseal(None, "test") is None
    settings.SECRET_KEY = "another service's secret key, long enough to be a real one"
    assert unseal(sealed, "test") is None


def test_a_bare_pickle_is_refused_without_running_it():
    assert unseal(pickle.dumps(Payload()), "test") is None
    assert not hasattr(builtins, "MSP_PAYLOAD_RAN")


@pytest.mark.django_db
def test_board_figures_written_straight_into_the_database_are_counted_again(manager):
    factories.case(manager, state="closed")
    version = version_of(THIS_YEAR)
    StoredFigures.objects.create(
        year=THIS_YEAR, data_version=version, built_at=timezone.now(), grid=pickle.dumps(Payload())
    )
    assert year_grid(THIS_YEAR).cells == _grid(THIS_YEAR).cells
    assert not hasattr(builtins, "MSP_PAYLOAD_RAN")
    # What is stored now is sealed, and read back as it was counted.
    row = StoredFigures.objects.get(year=THIS_YEAR)
    assert unseal(row.grid, GRID_PURPOSE).cells == _grid(THIS_YEAR).cells


@pytest.mark.django_db
def test_a_return_written_straight_into_the_database_is_not_read():
    build = ReturnBuild.objects.create(
        year=2025,
        state=BuildState.READY,
        requested_at=timezone.now(),
        built_at=timezone.now(),
        result=pickle.dumps(Payload()),
    )
    assert stored_return(build) is None
    assert not hasattr(builtins, "MSP_PAYLOAD_RAN")
    # Sealed for the board, it is still not a return.
    build.result = seal({"not": "a return"}, GRID_PURPOSE)
    assert stored_return(build) is None
    # Sealed for a return, it is read.
    build.result = seal({"not": "a return"}, RETURN_PURPOSE)
    assert unseal(build.result, RETURN_PURPOSE) == {"not": "a return"}
