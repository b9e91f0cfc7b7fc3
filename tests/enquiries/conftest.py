import pytest

from tests import factories


@pytest.fixture
def case(practitioner):
    """A case in the enquiry stage, worked by ``practitioner``."""
    return factories.case(practitioner, state="enquiry")
