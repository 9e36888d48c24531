"""Printable documents (posters, certificates) in any language of the interface.

Fonts ship with the code (DejaVu Sans, which covers Latin and Arabic) and text
goes through HarfBuzz, so Arabic letters join and run right to left. Nothing
is fetched from another host while a document is built.
"""

import logging
from pathlib import Path

import segno
from django.utils.translation import get_language_info
from fpdf import FPDF
from fpdf.enums import ResourceAccessPolicy

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "vigil"
MARGIN = 20
# The blank border a QR code needs around it to be read, in modules (ISO/IEC 18004).
QUIET_ZONE = 4

# fpdf2 subsets fonts through fontTools, which logs every table it touches at INFO.
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)


def document(language: str) -> FPDF:
    """An A4 portrait page in `language`, fonts registered as "vigil" ("" and "B")."""
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.add_font(FAMILY, "", FONTS / "DejaVuSans.ttf")
    pdf.add_font(FAMILY, "B", FONTS / "DejaVuSans-Bold.ttf")
    # Local files only: a document must never make the server call out.
    pdf.resource_access_policy = ResourceAccessPolicy.LOCAL_FILES
    pdf.set_text_shaping(True, direction="rtl" if is_rtl(language) else "ltr")
    pdf.set_lang(language)
    pdf.set_creator("Vigil")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=MARGIN)
    pdf.add_page()
    pdf.set_font(FAMILY, size=12)
    return pdf


def is_rtl(language: str) -> bool:
    """Whether Django writes `language` right to left (Arabic, Hebrew, Persian…)."""
    try:
        return bool(get_language_info(language)["bidi"])
    except KeyError:
        return False


def qr_code(url: str) -> segno.QRCode:
    # "m" at least; segno raises it further when that costs no extra size.
    return segno.make_qr(url, error="m", boost_error=True)


def qr(pdf: FPDF, url: str, x: float, y: float, size: float) -> None:
    """Draw a QR code for `url`, quiet zone included, in a `size` mm square at (x, y) mm.

    Drawn as one vector path, one rectangle per run of dark modules: sharp at
    any print size, and without the hairline seams separate fills can show.
    """
    code = qr_code(url)
    matrix = code.matrix
    module = size / (len(matrix) + 2 * QUIET_ZONE)
    left, top = x + QUIET_ZONE * module, y + QUIET_ZONE * module
    with pdf.new_path() as path:
        path.style.fill_color = "#000000"
        path.style.stroke_width = 0
        path.style.paint_rule = "FILL_NONZERO"
        for row, cells in enumerate(matrix):
            for start, length in _dark_runs(cells):
                path.rectangle(left + start * module, top + row * module, length * module, module)


def _dark_runs(cells) -> list[tuple[int, int]]:
    runs, start = [], None
    for column, dark in enumerate([*cells, 0]):
        if dark and start is None:
            start = column
        elif not dark and start is not None:
            runs.append((start, column - start))
            start = None
    return runs


def output(pdf: FPDF) -> bytes:
    return bytes(pdf.output())
