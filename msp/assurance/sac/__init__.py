"""The statutory Safeguarding Adults Collection (SAC) return.

``build_return(year)`` counts the return for a reporting year from the case
records; ``export`` writes it as the national long-format CSV or a
spreadsheet. The counting rules are documented where they are applied:
``demographics`` (SG1), ``case_details`` (SG2-SG4), ``reviews`` (SG5) and
``validation`` (the data checks).
"""

from msp.assurance.sac.build import build_return
from msp.assurance.sac.tables import SacReturn

__all__ = ["SacReturn", "build_return"]
