from tests.assurance.conftest import adult, code_lists, story  # noqa: F401  (shared fixtures)
