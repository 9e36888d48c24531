"""Certificates: a code anyone can check, and the PDF a learner keeps."""

import secrets

from django.db import IntegrityError, transaction
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import override
from fpdf.enums import XPos, YPos

from vigil.core import pdf
from vigil.learn.content import language_for, localise
from vigil.learn.models import Attempt, Certificate

# Crockford's base32: no I, L, O or U, so a code read aloud or retyped survives.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 12


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, LENGTH, 4))


def normalise(code: str) -> str:
    """The canonical form of a code as typed: case, spaces and look-alike letters forgiven."""
    raw = code.upper().translate(str.maketrans("OIL", "011")).replace(" ", "").replace("-", "")
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def issue(attempt: Attempt, name: str) -> Certificate:
    """The certificate for a passed attempt (the same one if asked again)."""
    existing = Certificate.objects.filter(attempt=attempt).first()
    if existing is not None:
        return existing
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Certificate.objects.create(
                    code=new_code(), attempt=attempt, version=attempt.version, name=name
                )
        except IntegrityError:
            # A code already taken (or a concurrent request for the same attempt).
            existing = Certificate.objects.filter(attempt=attempt).first()
            if existing is not None:
                return existing
    raise RuntimeError("could not find a free certificate code")


def find(code: str) -> Certificate | None:
    return (
        Certificate.objects.select_related("version__course", "attempt")
        .filter(code=normalise(code))
        .first()
    )


def as_pdf(certificate: Certificate, verify_url: str) -> bytes:
    """An A4 page: who, which course and version, when, and how to check it."""
    document = certificate.version.content
    language = language_for(document, certificate.attempt.language)
    course = localise(document, language)
    with override(language):
        page = pdf.document(language)

        def line(text, size, height, bold=False, space_after=0):
            page.set_font("vigil", "B" if bold else "", size)
            # Back to the left margin after each block, or the next one starts off the page.
            page.multi_cell(0, height, text, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            page.ln(space_after)

        issued = formats.date_format(certificate.issued_at, "DATE_FORMAT")
        page.ln(20)
        line(_("Certificate of completion"), 26, 14, bold=True, space_after=8)
        line(_("This certifies that"), 13, 8, space_after=2)
        line(certificate.name, 22, 12, bold=True, space_after=2)
        line(_("passed the course"), 13, 8)
        line(course["title"], 16, 10, bold=True, space_after=4)
        details = _("Version %(version)s, score %(score)s%%, on %(date)s.") % {
            "version": certificate.version.number,
            "score": certificate.attempt.score,
            "date": issued,
        }
        line(details, 12, 7, space_after=10)
        size = 40
        pdf.qr(page, verify_url, (page.w - size) / 2, page.get_y(), size)
        page.set_y(page.get_y() + size + 4)
        line(_("Check this certificate at"), 11, 6)
        line(verify_url, 11, 6)
        line(certificate.code, 14, 8, bold=True)
        return pdf.output(page)
