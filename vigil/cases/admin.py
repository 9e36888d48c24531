"""Only policy is edited in the admin: cases and children go through the audited pages."""

from django.contrib import admin

from vigil.cases.models import HiddenField


@admin.register(HiddenField)
class HiddenFieldAdmin(admin.ModelAdmin):
    list_display = ("organisation", "viewer", "field")
    list_filter = ("organisation", "viewer", "field")
