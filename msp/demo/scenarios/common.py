"""Short helpers and the usual referrers, so the scenario modules read as data."""

from collections.abc import Mapping

from msp.concerns.codes import DecisionResult, ProportionateResponse, RaisedVia, YesNoUnknown
from msp.demo.specs import ClosureSpec, Decision, Referrer
from msp.enquiries.codes import ActionResult, ClosureReason, LackedCapacity, MspAsked

YES = YesNoUnknown.YES.value
NO = YesNoUnknown.NO.value
NOT_KNOWN = YesNoUnknown.UNKNOWN.value


def s42(needs: str, at_risk: str, protect: str) -> Decision:
    return Decision(DecisionResult.S42, needs, at_risk, protect)


def other_enquiry(
    needs: str,
    at_risk: str,
    protect: str,
    *,
    needs_answer: str = NO,
    protect_answer: str = YES,
) -> Decision:
    return Decision(
        DecisionResult.OTHER,
        needs,
        at_risk,
        protect,
        needs_answer=needs_answer,
        protect_answer=protect_answer,
    )


def no_enquiry(
    needs: str,
    at_risk: str,
    protect: str,
    response: ProportionateResponse,
    details: str,
    *,
    needs_answer: str = YES,
    at_risk_answer: str = NO,
    protect_answer: str = NO,
) -> Decision:
    return Decision(
        DecisionResult.NONE,
        needs,
        at_risk,
        protect,
        needs_answer=needs_answer,
        at_risk_answer=at_risk_answer,
        protect_answer=protect_answer,
        response=response,
        response_details=details,
    )


def closed_no_enquiry(details: str = "") -> ClosureSpec:
    return ClosureSpec(ClosureReason.NO_ENQUIRY, details)


def concluded(
    action_result: ActionResult,
    risk_outcome: str = "",
    *,
    details: str = "",
    msp_asked: MspAsked = MspAsked.EXPRESSED,
    lacked_capacity: LackedCapacity = LackedCapacity.NO,
    capacity_support: bool | None = None,
    reason: ClosureReason = ClosureReason.ENQUIRY_CONCLUDED,
    open_door: str = "",
    overrides: Mapping[str, str] | None = None,
) -> ClosureSpec:
    """An enquiry's closure. ``overrides``: {check id: the manager's reason}
    for each legal duty the practice guard will find unmet."""
    return ClosureSpec(
        reason,
        details,
        action_result,
        risk_outcome,
        msp_asked,
        lacked_capacity,
        capacity_support,
        open_door,
        dict(overrides or {}),
    )


# --- The usual referrers (all fictional) ---

GP = Referrer(
    RaisedVia.PARTNER,
    "Dr Priya Ramsden",
    "GP",
    "Moorside Medical Practice",
    contact="01632 960118",
)
GP_ALT = Referrer(
    RaisedVia.PARTNER,
    "Dr Owen Lightfoot",
    "GP",
    "Canal Side Surgery",
    contact="01632 960244",
)
DISTRICT_NURSE = Referrer(
    RaisedVia.PARTNER,
    "Carol Esplin",
    "District nurse",
    "Northmoor Community Health Services",
    contact="01632 960371",
)
BANK = Referrer(
    RaisedVia.PARTNER,
    "Martin Hebden",
    "Branch manager",
    "Northmoor Building Society",
    contact="01632 960455",
)
POLICE = Referrer(
    RaisedVia.PARTNER,
    "PC Rachel Iveson",
    "Police constable",
    "Northmoor Police",
    contact="101, collar number 4471",
)
FIRE = Referrer(
    RaisedVia.PARTNER,
    "Watch Manager Dean Sowerby",
    "Home fire safety officer",
    "Northmoor Fire and Rescue Service",
    contact="01632 960502",
)
LARCHFIELD_MANAGER = Referrer(
    RaisedVia.PARTNER,
    "Angela Cropper",
    "Registered manager",
    "Larchfield House Care Home",
    contact="01632 960630",
)
CALDER_EDGE_MANAGER = Referrer(
    RaisedVia.PARTNER,
    "Femi Adeyemi",
    "Registered manager",
    "Calder Edge Nursing Home",
    contact="01632 960677",
)
WARD_MANAGER = Referrer(
    RaisedVia.PARTNER,
    "Siobhan Kearsley",
    "Ward manager",
    "Heatherbank Unit",
    contact="01632 960711",
)
HOSPITAL_SW = Referrer(
    RaisedVia.STAFF,
    "Nadia Farrow",
    "Senior practitioner",
    "Hospital and care homes team",
)
ANONYMOUS = Referrer(RaisedVia.PUBLIC, anonymous=True, relationship="Member of the public")


def neighbour(name: str, contact: str = "", *, confidential: bool = False) -> Referrer:
    return Referrer(
        RaisedVia.PUBLIC,
        name,
        relationship="Neighbour",
        contact=contact,
        confidential=confidential,
    )


def relative(name: str, relationship: str, contact: str = "") -> Referrer:
    return Referrer(RaisedVia.PUBLIC, name, relationship=relationship, contact=contact)


def self_referral(name: str) -> Referrer:
    return Referrer(RaisedVia.SELF, name, relationship="The person themselves")


def staff(name: str, role: str, organisation: str = "Northmoor Council") -> Referrer:
    return Referrer(RaisedVia.STAFF, name, role, organisation)
