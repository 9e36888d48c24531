import io

import factory
from PIL import Image

from vigil.tips import receipts
from vigil.tips.models import Channel, Tip


class TipFactory(factory.django.DjangoModelFactory):
    """A tip; pass `receipt="…16 digits…"` to be able to follow it up."""

    class Meta:
        model = Tip

    channel = Channel.WEB
    narrative = factory.Sequence(lambda n: f"Synthetic report number {n}: a girl of about 14.")
    country_code = "XV"

    @classmethod
    def _create(cls, model_class, *args, receipt=None, **kwargs):
        if receipt:
            kwargs["receipt_hash"] = receipts.receipt_hash(receipt)
        return super()._create(model_class, *args, **kwargs)


def photo_bytes(fmt="JPEG", size=(64, 48), exif=None, color=(200, 30, 30)) -> bytes:
    image = Image.new("RGB", size, color)
    out = io.BytesIO()
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(out, fmt, **kwargs)
    return out.getvalue()
