"""Checks for free text typed by the public."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?][^<>]*>|javascript\s*:", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def validate_plain_text(value: str) -> None:
    """Reject markup and control characters with a message the reporter can act on.

    Everything is escaped on output anyway; rejecting tags tells a person who
    pasted a web page what to change instead of silently mangling it.
    """
    if _CONTROL.search(value):
        raise ValidationError(_("Please remove the invisible control characters from this text."))
    if _MARKUP.search(value):
        raise ValidationError(
            _("Please write plain text: remove anything between < and > (web page code).")
        )
