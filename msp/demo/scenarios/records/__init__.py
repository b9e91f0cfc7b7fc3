"""The record kept during each demo case (contacts, capacity, risk, the plan
...), by scenario key. Kept beside the scenarios rather than inside them so
that no module runs to thousands of lines."""

from msp.demo.records import Record
from msp.demo.scenarios.records import m1_m3, m4_m7, m8_m11, routine

RECORDS: dict[str, tuple[Record, ...]] = {}
for _module in (m1_m3, m4_m7, m8_m11, routine):
    _twice = set(RECORDS) & set(_module.RECORDS)
    if _twice:
        raise ValueError(f"Demo records given twice for {sorted(_twice)}")
    RECORDS.update(_module.RECORDS)
