"""Attachments to an aanvraag: checked by their content, not only their name, and limited in size.

A renamed file (an .exe called begroting.pdf) is refused; so is a Word file called .pdf, because
the stadsdeel opens it with the program its name promises.
"""

import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024
ACCEPT = ".pdf,.docx,.xlsx,.odt,.jpg,.jpeg,.png"
KINDS_TEXT = "PDF, Word (DOCX), Excel (XLSX), ODT, JPG of PNG"
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _zip_names(upload):
    # Only the directory is read; nothing is unpacked.
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return set()


def _is_docx(upload):
    names = _zip_names(upload)
    return "[Content_Types].xml" in names and "word/document.xml" in names


def _is_xlsx(upload):
    names = _zip_names(upload)
    return "[Content_Types].xml" in names and "xl/workbook.xml" in names


def _is_odt(upload):
    # An OpenDocument file starts with an uncompressed "mimetype" member that names its kind.
    upload.seek(0)
    head = upload.read(30 + len("mimetype") + len(_ODT_MIMETYPE))
    return head.startswith(b"PK\x03\x04") and head.endswith(b"mimetype" + _ODT_MIMETYPE)


def _starts_with(*signatures):
    def check(upload):
        upload.seek(0)
        head = upload.read(8)
        return any(head.startswith(signature) for signature in signatures)

    return check


CHECKS = {
    "pdf": _starts_with(b"%PDF-"),
    "docx": _is_docx,
    "xlsx": _is_xlsx,
    "odt": _is_odt,
    "jpg": _starts_with(b"\xff\xd8\xff"),
    "jpeg": _starts_with(b"\xff\xd8\xff"),
    "png": _starts_with(b"\x89PNG\r\n\x1a\n"),
}


def validate_attachment(upload):
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("Het bestand is te groot (%(size)s MB). Een bijlage mag hoogstens %(max)s MB zijn."),
            params={
                "size": f"{upload.size / 1024 / 1024:.1f}".replace(".", ","),
                "max": MAX_BYTES // 1024 // 1024,
            },
        )
    if upload.size == 0:
        raise ValidationError(_("Het bestand is leeg. Kies het bestand opnieuw."))
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    check = CHECKS.get(extension)
    try:
        matches = check is not None and check(upload)
    finally:
        upload.seek(0)
    if not matches:
        raise ValidationError(
            _("Dit bestand kunnen we niet gebruiken. Kies een bestand in %(kinds)s."), params={"kinds": KINDS_TEXT}
        )
