"""Recording who took a copy of a statutory return.

A return is not a database row, so ``msp.audit.log.record_change`` (which
names a model instance) does not fit; this writes the same kind of event with
object type ``assurance.return`` and the reporting year as the object id.
"""

from msp.accounts.models import User
from msp.assurance.period import year_code
from msp.audit.channel import current_channel
from msp.audit.models import AuditEvent

OBJECT_TYPE = "assurance.return"
DOWNLOADED = "return.downloaded"


def record_return_download(*, by: User | None, year: int, fmt: str) -> AuditEvent:
    """Audit one copy of the return for ``year`` in format ``fmt`` (csv or
    xlsx). ``by`` is None when it was written by the management command."""
    return AuditEvent.objects.create(
        user=by,
        action=DOWNLOADED,
        channel=current_channel.get(),
        object_type=OBJECT_TYPE,
        object_id=str(year),
        changes={"period": [None, year_code(year)], "format": [None, fmt]},
    )
