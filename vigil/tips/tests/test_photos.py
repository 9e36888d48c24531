"""Photos from reporters: location and camera details never kept, bad files refused."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from vigil.tips.models import Tip, TipAttachment
from vigil.tips.photos import CleanPhoto, PhotoError, clean_photo
from vigil.tips.tests.factories import photo_bytes

MAKE = "SpyPhone Maker Co"
GPS_IFD = 0x8825
REPORT = {"narrative": "A boy selling flowers at night, always with the same man."}


def exif_with_location(orientation=None) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = MAKE  # Make
    exif[0x0110] = "Model 7"  # Model
    if orientation:
        exif[0x0112] = orientation
    exif[GPS_IFD] = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)}
    return exif


def png_claiming(width, height) -> bytes:
    """A tiny PNG whose header claims huge dimensions: a decompression bomb."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 1000))
        + chunk(b"IEND", b"")
    )


def submit(client, *uploads):
    return client.post("/report/", {**REPORT, "photos": list(uploads)})


def stored_photo() -> Image.Image:
    attachment = TipAttachment.objects.get()
    return attachment, Image.open(io.BytesIO(attachment.content))


def test_the_original_really_carries_a_location():
    original = Image.open(io.BytesIO(photo_bytes(exif=exif_with_location())))

    assert original.getexif().get_ifd(GPS_IFD)
    assert original.getexif()[0x010F] == MAKE


def test_it_strips_exif_and_gps_from_a_submitted_photo(client, hotline):
    upload = SimpleUploadedFile("p.jpg", photo_bytes(exif=exif_with_location()), "image/jpeg")

    response = submit(client, upload)

    assert response.status_code == 200
    attachment, image = stored_photo()
    assert attachment.tip == Tip.objects.get()
    assert image.format == "JPEG"
    assert len(image.getexif()) == 0
    assert not image.getexif().get_ifd(GPS_IFD)
    assert "exif" not in image.info
    assert MAKE.encode() not in attachment.content
    assert b"Exif" not in attachment.content


def test_it_applies_the_orientation_before_dropping_it(client, hotline):
    # Orientation 6: the camera was turned, the viewer must rotate 90°.
    sideways = photo_bytes(size=(80, 40), exif=exif_with_location(orientation=6))

    submit(client, SimpleUploadedFile("p.jpg", sideways, "image/jpeg"))

    attachment, image = stored_photo()
    assert (attachment.width, attachment.height) == (40, 80)
    assert image.size == (40, 80)
    assert 0x0112 not in image.getexif()


def test_it_keeps_a_png_with_transparency_as_png(client, hotline):
    out = io.BytesIO()
    Image.new("RGBA", (20, 20), (0, 0, 255, 100)).save(out, "PNG")

    submit(client, SimpleUploadedFile("t.png", out.getvalue(), "image/png"))

    attachment, image = stored_photo()
    assert attachment.content_type == "image/png"
    assert image.mode == "RGBA"
    assert image.getpixel((5, 5))[3] == 100


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.jpg", b"This is a text file pretending to be a photo.", "not a photo we can read"),
        ("big.jpg", b"\xff\xd8\xff" + b"\0" * (5 * 1024 * 1024), "smaller than 5 MB"),
        ("bomb.png", png_claiming(8000, 8000), "too large"),
        ("bigger-bomb.png", png_claiming(30000, 30000), "not a photo we can read"),
        ("doc.jpg", b"%PDF-1.4 a document", "not a photo we can read"),
    ],
)
def test_it_refuses_what_is_not_an_acceptable_photo(client, hotline, name, content, message):
    response = submit(client, SimpleUploadedFile(name, content, "image/jpeg"))

    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'id="id_photos_error"' in page
    assert (Tip.objects.count(), TipAttachment.objects.count()) == (0, 0)


def test_clean_photo_removes_metadata_directly():
    photo = clean_photo(photo_bytes(exif=exif_with_location()))

    assert isinstance(photo, CleanPhoto)
    assert MAKE.encode() not in photo.content
    assert len(Image.open(io.BytesIO(photo.content)).getexif()) == 0


def test_clean_photo_shrinks_very_large_photos():
    photo = clean_photo(photo_bytes(size=(3000, 1500)))

    assert (photo.width, photo.height) == (2400, 1200)


@pytest.mark.parametrize("content", [b"", png_claiming(8000, 8000), b"GIF89a" + b"\0" * 20])
def test_clean_photo_raises_only_photo_errors_on_bad_files(content):
    with pytest.raises(PhotoError):
        clean_photo(content)


MAGIC = [b"", b"\xff\xd8\xff\xe0", b"\x89PNG\r\n\x1a\n", b"GIF89a", b"RIFF\0\0\0\0WEBPVP8 "]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(MAGIC), st.binary(max_size=3000))
def test_clean_photo_never_raises_anything_but_photo_error(magic, noise):
    try:
        photo = clean_photo(magic + noise)
    except PhotoError:
        return
    assert photo.content_type in {"image/jpeg", "image/png"}


REAL = [photo_bytes(), photo_bytes("PNG"), photo_bytes("GIF"), photo_bytes("WEBP")]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(REAL),
    st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=8),
    st.integers(min_value=1),
)
def test_clean_photo_survives_damaged_real_photos(original, flips, cut):
    damaged = bytearray(original[: max(1, cut % (len(original) + 1))])
    for position, value in flips:
        damaged[position % len(damaged)] = value
    try:
        photo = clean_photo(bytes(damaged))
    except PhotoError:
        return
    assert photo.width * photo.height > 0
