"""Enquiry episodes: the one open episode of a case, and the backfill that
gives every case recorded before episodes existed its one episode.

The backfill is written against the models it is given, so the data
migration can pass its historical models and the synthetic data generator
(which writes cases as raw rows) the live ones."""

from typing import Any

from django.db.models import Model, OuterRef, Subquery
from django.db.models.functions import Coalesce

from msp.cases.models import Case
from msp.enquiries.models import Enquiry

BATCH = 2000


def open_enquiry(case: Case) -> Enquiry | None:
    """The case's enquiry that has started and not concluded, if any."""
    return Enquiry.objects.filter(case_id=case.pk, concluded_at__isnull=True).first()


def backfill(
    case_model: type[Model],
    enquiry_model: type[Model],
    closure_model: type[Model],
    decision_model: type[Model],
) -> int:
    """One episode for every case with an enquiry type and no episode yet:
    its type and start from the case (the case's opening when no start was
    recorded), the decision in force when it started (else the case's latest),
    concluded by the case's first closure on or after the start, if any.
    Returns how many episodes it made."""
    cases: Any = case_model._default_manager
    decisions: Any = decision_model._default_manager
    closures: Any = closure_model._default_manager
    enquiries: Any = enquiry_model._default_manager
    started = Coalesce("enquiry_started_at", "opened_at")
    first_closure = closures.filter(case=OuterRef("pk"), closed_at__gte=OuterRef("start")).order_by(
        "closed_at", "id"
    )
    decision_then = decisions.filter(case=OuterRef("pk"), decided_at__lte=OuterRef("start"))
    latest_decision = decisions.filter(case=OuterRef("pk"))
    rows = (
        cases.exclude(enquiry_type="")
        .exclude(pk__in=enquiries.values("case_id"))
        .annotate(start=started)
        .annotate(
            closure_id_then=Subquery(first_closure.values("id")[:1]),
            closed_at_then=Subquery(first_closure.values("closed_at")[:1]),
            decision_id_then=Coalesce(
                Subquery(decision_then.order_by("-decided_at", "-id").values("id")[:1]),
                Subquery(latest_decision.order_by("-decided_at", "-id").values("id")[:1]),
            ),
        )
        .order_by("pk")
        .values_list(
            "pk", "enquiry_type", "start", "closure_id_then", "closed_at_then", "decision_id_then"
        )
    )
    made = 0
    batch: list[Model] = []
    # Read every row before writing: SQLite must not insert into a table a
    # running query still reads.
    for case_id, kind, start, closure_id, closed_at, decision_id in list(rows):
        batch.append(
            enquiry_model(
                case_id=case_id,
                kind=kind,
                started_at=start,
                decision_id=decision_id,
                closure_id=closure_id,
                concluded_at=closed_at,
            )
        )
        if len(batch) >= BATCH:
            enquiries.bulk_create(batch)
            made += len(batch)
            batch = []
    if batch:
        enquiries.bulk_create(batch)
        made += len(batch)
    return made
