"""A4 posters to print and put up: a few signs, the report page as text and QR code, numbers."""

import hashlib
import json
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from vigil.core import pdf as documents
from vigil.regions.models import Helpline

ACCENT = (11, 83, 148)  # the site's --accent, #0b5394
DANGER = (163, 0, 0)  # the site's --danger, #a30000
INK = (26, 26, 26)
MUTED = (74, 74, 74)
PAGE_WIDTH = 210
WIDTH = PAGE_WIDTH - 2 * documents.MARGIN
BULLET_INDENT = 7
# A poster has room for a few numbers; the country's lines come first, by their order.
MAX_LINES = 4
# Some languages take more room: the text shrinks step by step until it fits one page.
SCALES = (1.0, 0.92, 0.84, 0.76, 0.68)
# Building a poster takes a few hundred milliseconds; anyone may ask for one.
CACHE_SECONDS = 3600


def signs() -> list[str]:
    return [
        _("is kept out of school, or works long hours for little or no pay"),
        _("is controlled by an adult who speaks for them or keeps their papers"),
        _("seems afraid, anxious, or cut off from family and friends"),
        _("has injuries nobody explains, or seems hungry and exhausted"),
        _("cannot say where they live or which town they are in"),
        _("is offered for sex or “dates”, in person or online"),
    ]


def poster(language: str, report_url: str, lines: list[Helpline]) -> bytes:
    """The poster, from the cache when nothing printed on it has changed."""
    printed = [language, report_url, [(line.number, line.name, line.hours) for line in lines]]
    key = "awareness-poster:" + hashlib.sha256(json.dumps(printed).encode()).hexdigest()
    body = cache.get(key)
    if body is None:
        body = build(language, report_url, lines)
        cache.set(key, body, CACHE_SECONDS)
    return body


def build(language: str, report_url: str, lines: list[Helpline]) -> bytes:
    with translation.override(language):
        for scale in SCALES:
            pdf = documents.document(language)
            _Poster(pdf, documents.is_rtl(language), scale).draw(report_url, lines[:MAX_LINES])
            if pdf.pages_count == 1:
                break
        return documents.output(pdf)


@dataclass
class _Poster:
    pdf: FPDF
    rtl: bool
    scale: float

    def draw(self, report_url: str, lines: list[Helpline]):
        self.pdf.set_title(_("Is a child being trafficked or exploited?"))
        self.header()
        self.signs()
        self.report(report_url)
        self.numbers(lines)
        self.footer()

    @property
    def align(self) -> str:
        return "R" if self.rtl else "L"

    def text(self, text: str, size: float, *, bold=False, width=WIDTH, x=documents.MARGIN):
        size *= self.scale
        self.pdf.set_font(documents.FAMILY, "B" if bold else "", size)
        self.pdf.set_x(x)
        self.pdf.multi_cell(
            width, size * 0.5, text, align=self.align, new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )

    def space(self, mm: float):
        self.pdf.ln(mm * self.scale)

    @contextmanager
    def direction(self, direction: str | None):
        """Write in `direction` (None: guess from the text) on a right-to-left page.

        Addresses and phone numbers read left to right in every language, and
        helpline names are typed in whatever language the admin used.
        """
        if self.rtl:
            self.pdf.set_text_shaping(True, direction=direction)
        try:
            yield
        finally:
            if self.rtl:
                self.pdf.set_text_shaping(True, direction="rtl")

    def header(self):
        self.pdf.set_fill_color(*ACCENT)
        self.pdf.rect(0, 0, PAGE_WIDTH, 50 * self.scale, style="F")
        self.pdf.set_text_color(255, 255, 255)
        self.pdf.set_y(14 * self.scale)
        self.text(_("Is a child being trafficked or exploited?"), 27, bold=True)
        self.pdf.set_text_color(*INK)
        self.pdf.set_y(58 * self.scale)

    def signs(self):
        self.text(_("Look out for a child who:"), 16, bold=True)
        self.space(2)
        body_x = documents.MARGIN if self.rtl else documents.MARGIN + BULLET_INDENT
        bullet_x = PAGE_WIDTH - documents.MARGIN - BULLET_INDENT if self.rtl else documents.MARGIN
        for sign in signs():
            top = self.pdf.get_y()
            self.text(sign, 14, width=WIDTH - BULLET_INDENT, x=body_x)
            bottom = self.pdf.get_y()
            self.pdf.set_y(top)
            self.text("•", 14, width=BULLET_INDENT, x=bullet_x)
            self.pdf.set_y(bottom)
            self.space(2)
        self.space(1)
        self.text(_("You do not need to be sure. If something feels wrong, tell us."), 12)
        self.space(6)

    def report(self, report_url: str):
        self.pdf.set_text_color(*ACCENT)
        self.text(_("Report safely and anonymously"), 21, bold=True)
        self.pdf.set_text_color(*INK)
        self.space(3)
        top = self.pdf.get_y()
        qr_size = 62 * self.scale
        text_width = WIDTH - qr_size - 6
        qr_x = PAGE_WIDTH - documents.MARGIN - qr_size if self.rtl else documents.MARGIN
        text_x = documents.MARGIN if self.rtl else documents.MARGIN + qr_size + 6
        documents.qr(self.pdf, report_url, qr_x, top, qr_size)
        self.pdf.set_y(top + 6 * self.scale)
        self.text(_("Scan the code or go to:"), 12, width=text_width, x=text_x)
        self.space(1)
        with self.direction("ltr"):
            self.pdf.set_font(documents.FAMILY, "B", 13 * self.scale)
            self.pdf.set_x(text_x)
            self.pdf.multi_cell(
                text_width,
                7 * self.scale,
                report_url,
                align=self.align,
                link=report_url,
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
        self.space(2)
        self.text(
            _("No name and no account needed. You get a receipt code to follow up your report."),
            11,
            width=text_width,
            x=text_x,
        )
        self.pdf.set_y(max(self.pdf.get_y(), top + qr_size) + 4 * self.scale)

    def numbers(self, lines: list[Helpline]):
        self.pdf.set_text_color(*DANGER)
        self.text(_("A child in danger now? Call:"), 15, bold=True)
        self.pdf.set_text_color(*INK)
        if not lines:
            self.text(_("Call your local emergency number now."), 13)
            return
        for line in lines:
            self.space(1)
            with self.direction("ltr"):
                self.text(line.number, 22, bold=True)
            with self.direction(None):
                self.text(line.name + (f" ({line.hours})" if line.hours else ""), 12)

    def footer(self):
        # Inside the bottom margin, on purpose: the footer must not start a second page.
        self.pdf.set_auto_page_break(False)
        self.pdf.set_y(297 - documents.MARGIN + 4)
        self.pdf.set_text_color(*MUTED)
        self.pdf.set_font(documents.FAMILY, "", 8.5)
        self.pdf.multi_cell(
            WIDTH,
            4.25,
            _(
                "Signs drawn from the indicators of the ILO, UNODC, Polaris "
                "and the DHS Blue Campaign."
            ),
            align=self.align,
        )
