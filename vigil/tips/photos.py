"""Photos from reporters: checked by content, re-encoded, metadata stripped.

Only the clean copy is kept. The original's EXIF can hold the reporter's
location and phone model, so it is never stored.
"""

import io
from dataclasses import dataclass

from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_PHOTOS = 3
MAX_PIXELS = 40_000_000
MAX_SIDE = 2400  # enough to read a plate or a face; smaller to store and send
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


class PhotoError(ValueError):
    """A file that is not an acceptable photo; the message is for the reporter."""


@dataclass
class CleanPhoto:
    content: bytes
    content_type: str
    width: int
    height: int


def clean_photo(data: bytes) -> CleanPhoto:
    if len(data) > MAX_PHOTO_BYTES:
        raise PhotoError(_("Each photo must be smaller than 5 MB."))
    if not data:
        raise PhotoError(_("The photo is empty."))
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in ACCEPTED_FORMATS:
                raise PhotoError(_("Photos must be JPEG, PNG, WebP or GIF images."))
            if probe.width * probe.height > MAX_PIXELS:
                raise PhotoError(_("The photo is too large."))
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            image = ImageOps.exif_transpose(image)
            has_alpha = image.mode in ("RGBA", "LA") or "transparency" in image.info
            image = image.convert("RGBA" if has_alpha else "RGB")
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            # A fresh image from the pixels alone carries no metadata at all.
            clean = Image.frombytes(image.mode, image.size, image.tobytes())
    except PhotoError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise PhotoError(_("This file is not a photo we can read.")) from None
    out = io.BytesIO()
    if has_alpha:
        clean.save(out, "PNG", optimize=True)
        content_type = "image/png"
    else:
        clean.save(out, "JPEG", quality=85, optimize=True)
        content_type = "image/jpeg"
    return CleanPhoto(out.getvalue(), content_type, clean.width, clean.height)
