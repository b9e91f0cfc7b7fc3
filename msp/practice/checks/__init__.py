"""One module per myth, one pure function per check id. Importing this
package fills ``CHECKS`` (check id -> CheckSpec), in check-id order."""

from msp.practice.checks import m1, m2, m3, m4, m5, m6, m7, m8, m9, m11  # noqa: F401
from msp.practice.checks.base import CHECKS as _REGISTERED
from msp.practice.checks.base import CheckSpec, sort_key

CHECKS: dict[str, CheckSpec] = {k: _REGISTERED[k] for k in sorted(_REGISTERED, key=sort_key)}

__all__ = ["CHECKS", "CheckSpec"]
