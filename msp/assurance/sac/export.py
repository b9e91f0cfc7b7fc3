"""Writing a return: the national long-format CSV, and a spreadsheet laid out
like the national template (one sheet per table, rows by columns)."""

import csv
import io
from itertools import groupby

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from msp.assurance.sac.tables import SacReturn, Table

CSV_COLUMNS = (
    "GEOGRAPHY",
    "COUNCIL_TYPE",
    "REGION_CODE",
    "REGION_NAME",
    "ONS_CODE",
    "LA_CODE",
    "LA_NAME",
    "TABLE_REFERENCE",
    "ENQUIRY_TYPE",
    "CATEGORY",
    "SUBCATEGORY",
    "VALUE",
)

# The national long format, with one column added at the end: the figures are
# exact counts, and a file that travels on its own must say so. A column (not a
# comment line above the header) keeps the file readable by anything that
# reads the national columns by name; it is on every line, so it survives
# filtering and sorting.
NOTE_COLUMN = "NOTE"
NOT_FOR_PUBLICATION = "Unrounded counts including small numbers: not for publication"
DERIVED = (
    "Derived table, not part of the submitted return (same counting rule as SG2a). "
    + NOT_FOR_PUBLICATION
)
CSV_HEADER = (*CSV_COLUMNS, NOTE_COLUMN)

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def filename(sac: SacReturn, fmt: str) -> str:
    return f"sac-return-{sac.period.code}.{fmt}"


def to_csv(sac: SacReturn) -> str:
    """One line per cell, tables and rows in the template's order."""
    council = sac.council
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for table, cell in sac.cells():
        writer.writerow(
            (
                council.geography,
                council.council_type,
                council.region_code,
                council.region_name,
                council.ons_code,
                council.la_code,
                council.name,
                table.reference,
                cell.enquiry_type,
                cell.category,
                cell.subcategory,
                cell.value,
                DERIVED if table.derived else NOT_FOR_PUBLICATION,
            )
        )
    return out.getvalue()


BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")


def _write_table(sheet: Worksheet, table: Table, sac: SacReturn) -> None:
    sheet.append([f"{table.caption}, {sac.period.code} ({sac.period.dates})"])
    sheet.cell(sheet.max_row, 1).font = TITLE
    sheet.append([table.row_heading, *table.headings])
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
        cell.alignment = WRAP
    for row in table.rows:
        sheet.append([row.label, *row.values])
        sheet.cell(sheet.max_row, 1).alignment = WRAP
    for note in table.notes:
        sheet.append([f"Note: {note}"])
    sheet.append([])


def _summary(sheet: Worksheet, sac: SacReturn) -> None:
    council = sac.council
    sheet.append([f"Safeguarding Adults Collection return, {sac.period.code}"])
    sheet.cell(1, 1).font = TITLE
    produced = timezone.localtime(sac.produced_at)
    for label, value in (
        ("Council", council.name),
        ("LA code", council.la_code),
        ("ONS code", council.ons_code),
        ("Region", f"{council.region_name} {council.region_code}".strip()),
        ("Council type", council.council_type),
        ("Period", sac.period.dates),
        ("Produced", f"{produced:%d %B %Y %H:%M}"),
        ("Figures", "Not rounded and not suppressed: do not publish them as they are."),
    ):
        sheet.append([label, value])
    if sac.is_empty:
        sheet.append(["Note", sac.empty_message])
    if council.missing_codes:
        sheet.append(["Warning", "Not set: " + ", ".join(council.missing_codes)])
    sheet.append([])
    sheet.append(["Derived measure", "Value", "How it is worked out"])
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    for measure in sac.measures:
        sheet.append([measure.label, measure.display, measure.explanation])
    sheet.append([])
    checks = sac.validation
    sheet.append(["Data checks", "Number"])
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    sheet.append(["Cases to complete", len(checks.findings)])
    sheet.append(["Totals that do not reconcile", len(checks.discrepancies)])
    sheet.append(["Cases passed to another council, left out", len(checks.passed_on)])
    sheet.append(["Code list problems", len(checks.code_list_problems)])
    sheet.append([])
    sheet.append(["Code list", "Version used"])
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    for name, version in sac.code_list_versions:
        sheet.append([name, version])


def to_xlsx(sac: SacReturn) -> bytes:
    """A summary sheet, then one sheet per table reference (a table in two
    parts, such as SG4a, has both parts on its sheet)."""
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "Summary"
    _summary(summary, sac)
    summary.column_dimensions["A"].width = 36
    summary.column_dimensions["B"].width = 40
    for reference, tables in groupby(sac.tables, key=lambda t: t.reference):
        sheet = book.create_sheet(reference)
        sheet.column_dimensions["A"].width = 60
        for letter in "BCDEFG":
            sheet.column_dimensions[letter].width = 24
        for table in tables:
            _write_table(sheet, table, sac)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def render(sac: SacReturn, fmt: str) -> bytes:
    if fmt == "csv":
        return to_csv(sac).encode("utf-8")
    if fmt == "xlsx":
        return to_xlsx(sac)
    raise ValueError(f"Unknown format {fmt!r}: use csv or xlsx")
