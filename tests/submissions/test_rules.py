"""The pure rules: what a key may be, what counts as the same request, how long
a key is remembered."""

import datetime

import pytest

from msp.submissions.rules import KEEP_FOR, expired, fingerprint, key_problem


@pytest.mark.parametrize("key", ["4f1c2a9e-0b7d-4c55-9a51-2b0f2d1e7a33", "a", "x" * 255, "ab:cd/1"])
def test_good_keys(key):
    assert key_problem(key) is None


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("", "must not be empty"),
        ("x" * 256, "at most 255 characters"),
        ("has space", "printable ASCII"),
        ("caf\u00e9", "printable ASCII"),
        ("tab\there", "printable ASCII"),
    ],
)
def test_bad_keys_say_why(key, message):
    assert message in (key_problem(key) or "")


def test_the_same_request_has_the_same_fingerprint_whatever_the_field_order():
    one = fingerprint("s", "person", "/api/v1/people", {"a": 1, "b": [1, 2]})
    two = fingerprint("s", "person", "/api/v1/people", {"b": [1, 2], "a": 1})
    assert one == two


@pytest.mark.parametrize("body", [{}, {"a": 1}, {"a": [1, 2], "b": None}])
def test_a_different_body_path_operation_or_secret_changes_the_fingerprint(body):
    base = fingerprint("s", "concern", "/api/v1/people/1/concerns", body)
    changed = {**body, "extra": 1}
    assert fingerprint("s", "concern", "/api/v1/people/1/concerns", changed) != base
    assert fingerprint("s", "concern", "/api/v1/people/2/concerns", body) != base
    assert fingerprint("s", "person", "/api/v1/people/1/concerns", body) != base
    assert fingerprint("t", "concern", "/api/v1/people/1/concerns", body) != base


def test_the_fingerprint_does_not_contain_the_body():
    digest = fingerprint("s", "person", "/p", {"family_name": "Lovelace"})
    assert "Lovelace" not in digest
    assert len(digest) == 64


def test_keys_are_kept_for_a_day():
    made = datetime.datetime(2026, 5, 1, 9, 0, tzinfo=datetime.UTC)
    assert datetime.timedelta(hours=24) == KEEP_FOR
    assert not expired(made, made + datetime.timedelta(hours=23, minutes=59))
    assert expired(made, made + datetime.timedelta(hours=24))
