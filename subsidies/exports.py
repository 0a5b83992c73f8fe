"""Tables as CSV and XLSX downloads, one way for the register, the work list and the monitor.

Text typed by organisations (a project's or an organisation's name) ends up in a spreadsheet: a
cell that starts like a formula (`=HYPERLINK(…)`) must stay text there, never run as a formula.
"""

import csv
import io
from decimal import Decimal

from django.http import HttpResponse

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _is_formula_like(value):
    return isinstance(value, str) and value.startswith(FORMULA_START)


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, (Decimal, float)):
        return format(value, "f" if isinstance(value, Decimal) else "").replace(".", ",")  # a Dutch decimal comma
    if _is_formula_like(value):
        return "'" + value
    return value


def amount(cents):
    """Euros with their cents, for a spreadsheet: 300000 -> Decimal("3000.00")."""
    return None if cents is None else (Decimal(cents) / 100).quantize(Decimal("0.01"))


def csv_response(filename, header, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so spreadsheet programs read the accents right
    writer = csv.writer(response, delimiter=";")
    writer.writerow([str(label) for label in header])
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])
    return response


def xlsx_response(filename, sheet_title, header, rows):
    # Imported here: only exports need openpyxl.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title[:31])
    sheet.append([str(label) for label in header])
    for row in rows:
        cells = []
        for value in row:
            if _is_formula_like(value):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"  # openpyxl would store it as a formula
                value = cell
            cells.append(value)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
