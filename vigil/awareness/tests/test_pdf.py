"""vigil.core.pdf: the shared document, its fonts and shaping, and its QR codes."""

import pytest
import segno
from fpdf.enums import TextDirection

from vigil.awareness.tests.pdfread import embedded_fonts, qr_matrix, rectangles
from vigil.core import pdf

URL = "https://vigil.example.org/report/"
# "Report safely": beh and lam take their initial and middle forms, ghain its final one.
ARABIC = "أبلغ بأمان"
JOINED_FORMS = {"uniFE91", "uniFEE0", "uniFECE"}
UNJOINED_FORMS = {"uni0628", "uni0644", "uni063A"}


def test_the_document_is_one_a4_page_with_the_vigil_fonts():
    document = pdf.document("fr")

    assert (round(document.w), round(document.h), document.page) == (210, 297, 1)
    assert (document.l_margin, document.t_margin, document.r_margin) == (20, 20, 20)
    assert {"vigil", "vigilB"} <= set(document.fonts)
    assert document.text_shaping["direction"] == TextDirection.LTR
    data = pdf.output(document)
    assert data.startswith(b"%PDF-")
    assert b"/Creator (Vigil)" in data
    assert b"/Lang (fr)" in data


def test_arabic_is_written_right_to_left_with_joined_letters():
    document = pdf.document("ar")
    assert document.text_shaping["direction"] == TextDirection.RTL
    document.set_font(pdf.FAMILY, "B", 20)
    document.multi_cell(0, 10, ARABIC)

    fonts = embedded_fonts(pdf.output(document))

    assert {font["name"].getDebugName(6) for font in fonts} >= {"DejaVuSans-Bold"}
    glyphs = {glyph for font in fonts for glyph in font.getGlyphOrder()}
    assert glyphs >= JOINED_FORMS
    assert not UNJOINED_FORMS & glyphs


def test_the_qr_code_drawn_is_the_one_segno_makes_for_the_url():
    document = pdf.document("en")

    pdf.qr(document, URL, x=30, y=40, size=50)

    expected = segno.make_qr(URL, error="m")
    assert qr_matrix(pdf.output(document)) == [list(row) for row in expected.matrix]
    assert pdf.qr_code(URL).designator == expected.designator
    assert pdf.qr_code(URL).error in {"M", "Q", "H"}


def test_the_qr_code_fills_its_square_inside_the_quiet_zone():
    document = pdf.document("en")

    pdf.qr(document, URL, x=30, y=40, size=50)

    drawn = rectangles(pdf.output(document))
    module = 50 / (len(pdf.qr_code(URL).matrix) + 2 * pdf.QUIET_ZONE)
    quiet = pdf.QUIET_ZONE * module
    assert min(x for x, _, _, _ in drawn) == pytest.approx(30 + quiet, abs=0.01)
    assert min(y for _, y, _, _ in drawn) == pytest.approx(40 + quiet, abs=0.01)
    assert max(x + w for x, _, w, _ in drawn) == pytest.approx(80 - quiet, abs=0.01)
    assert max(y + h for _, y, _, h in drawn) == pytest.approx(90 - quiet, abs=0.01)


def test_another_address_draws_another_code():
    def drawn(url):
        document = pdf.document("en")
        pdf.qr(document, url, x=30, y=40, size=50)
        return qr_matrix(pdf.output(document))

    assert drawn(URL) != drawn("https://vigil.example.org/other/")
