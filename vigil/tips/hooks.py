"""Where other apps join the tip's life without tips importing them.

Apps that read tips (triage first) are named in settings: `VIGIL_TIP_HOOKS`
run after a tip is stored or the reporter adds to it; `VIGIL_TIP_PANELS`
render extra sections of the staff tip page.
"""

import logging

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def tip_changed(tip) -> None:
    """Run every hook; a failing hook never loses the tip, it is only logged by id."""
    for path in settings.VIGIL_TIP_HOOKS:
        try:
            import_string(path)(tip)
        except Exception:
            # The tip is committed; `vigil reanalyze` picks up what a hook missed.
            logger.exception("tip hook %s failed for tip %s", path, tip.pk)


def panels(request, tip) -> list[str]:
    """HTML sections other apps add to the staff tip page, in settings order."""
    return [import_string(path)(request, tip) for path in settings.VIGIL_TIP_PANELS]
