"""What the endpoints for the parts of the enquiry record share: the fields
every record has, ids in a request that name other records, and field names
in error messages."""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404

from msp.api.serialise import user_ref
from msp.enquiries.models.base import CaseRecord


def record_fields(record: CaseRecord) -> dict[str, Any]:
    return {
        "id": record.pk,
        "case_id": record.case_id,
        "recorded_at": record.recorded_at,
        "recorded_by": user_ref(record.recorded_by),
        "version": record.version,
    }


def values_of(record: models.Model, names: Iterable[str]) -> dict[str, Any]:
    """The named fields, with blank codes (stored as "") as None."""
    blank_codes = {
        f.name for f in record._meta.concrete_fields if f.choices is not None and f.blank
    }
    values = {name: getattr(record, name) for name in names}
    return {k: None if k in blank_codes and v == "" else v for k, v in values.items()}


def named[M: models.Model](model: type[M], pk: int | None) -> M | None:
    """The record an id in the request names: None for no id. An id that
    matches nothing gives an unsaved record, belonging to no case, so the
    action's rule refuses it exactly as it refuses a record from another case."""
    if pk is None:
        return None
    return model._default_manager.filter(pk=pk).first() or model()


@contextmanager
def field_names(**renames: str) -> Iterator[None]:
    """Report errors on the API's field names: action rules name the model's
    fields (``cosigner``), requests send ids (``cosigner_id``)."""
    try:
        yield
    except ValidationError as exc:
        if not hasattr(exc, "error_dict"):
            raise
        raise ValidationError(
            {renames.get(key, key): errors for key, errors in exc.error_dict.items()}
        ) from None


def one_of[R: CaseRecord](model: type[R], case_id: int, missing: str) -> R:
    """The case's one record of ``model``, or 404 with ``missing``."""
    record = model._default_manager.select_related("recorded_by").filter(case_id=case_id).first()
    if record is None:
        raise Http404(missing)
    return record


def put_status(model: type[CaseRecord], case_id: int) -> int:
    """For a PUT of the case's one ``model`` record, asked before saving: 201
    if it does not exist yet (the PUT creates it), 200 if it does."""
    return 200 if model._default_manager.filter(case_id=case_id).exists() else 201
