"""The browser fixtures live in tests/browser_fixtures.py (loaded for every
folder by tests/conftest.py); ``check_accessibility`` is re-exported here for
the tests that import it from this module."""

from tests.browser_fixtures import check_accessibility

__all__ = ["check_accessibility"]
