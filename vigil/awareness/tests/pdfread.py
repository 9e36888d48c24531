"""Just enough PDF reading to check what our documents draw, without a PDF library."""

import io
import re
import zlib
from collections import Counter

from fontTools.ttLib import TTFont

NUMBER = rb"(\d+(?:\.\d+)?)"
# "x y w h re" with no negative number: how fpdf2 writes a drawn path's rectangles in mm.
RECTANGLE = re.compile(rb"(?<![\d.-])" + rb" ".join([NUMBER] * 4) + rb" re\b")


def streams(data: bytes) -> list[bytes]:
    """Every stream, inflated when it is deflated."""
    found = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        raw = match.group(1)
        try:
            found.append(zlib.decompress(raw))
        except zlib.error:
            found.append(raw)
    return found


def rectangles(data: bytes) -> list[tuple[float, float, float, float]]:
    """Every filled path rectangle as (x, y, width, height) in mm from the top left."""
    return [
        tuple(float(n) for n in match.groups())
        for content in streams(data)
        for match in RECTANGLE.finditer(content)
    ]


def qr_matrix(data: bytes) -> list[list[int]]:
    """The QR code drawn on the page, read back from its rectangles as rows of 0 and 1.

    The top-left module of a QR code is always dark (a finder pattern), so the
    smallest coordinates give its corner and the rectangles' height the module.
    """
    rectangles_drawn = rectangles(data)
    assert rectangles_drawn, "no rectangles drawn"
    module = Counter(round(h, 3) for _, _, _, h in rectangles_drawn).most_common(1)[0][0]
    left = min(x for x, _, _, _ in rectangles_drawn)
    top = min(y for _, y, _, _ in rectangles_drawn)
    size = round((max(x + w for x, _, w, _ in rectangles_drawn) - left) / module)
    matrix = [[0] * size for _ in range(size)]
    for x, y, w, h in rectangles_drawn:
        assert round(h / module) == 1
        row, column = round((y - top) / module), round((x - left) / module)
        for offset in range(round(w / module)):
            matrix[row][column + offset] = 1
    return matrix


def embedded_fonts(data: bytes) -> list[TTFont]:
    """The TrueType fonts embedded in the file (the subsets fpdf2 writes)."""
    fonts = []
    for content in streams(data):
        if content[:4] in (b"\x00\x01\x00\x00", b"true"):
            fonts.append(TTFont(io.BytesIO(content)))
    return fonts
