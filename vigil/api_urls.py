"""The /api/v1/ router: each app's api module adds its routes to the one API."""

from django.urls import path

import vigil.exchange.api  # noqa: F401  (registers the partner aggregates route)
import vigil.statistics.api  # noqa: F401  (registers the public statistics route)
import vigil.tips.api  # noqa: F401  (registers the tip routes)
from vigil.api import api

urlpatterns = [path("", api.urls)]
