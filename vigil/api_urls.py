"""The /api/v1/ router: each app adds its own routes."""

from django.urls import path

from vigil.api import api

urlpatterns = [path("", api.urls)]
