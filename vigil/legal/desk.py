"""The legal section of the case worker's desk (an entry of settings.VIGIL_DESK_SECTIONS)."""

import datetime

from django.template.loader import render_to_string
from django.utils import timezone

from vigil.legal.calendar import hearings_between


def hearings_this_week(request) -> str:
    start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    hearings = list(hearings_between(request.user, start, start + datetime.timedelta(days=7)))
    return render_to_string("legal/desk_hearings.html", {"hearings": hearings}, request=request)
