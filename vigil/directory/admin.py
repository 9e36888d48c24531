from django.contrib import admin

from vigil.directory.models import Service


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    """Changes made here bypass the audit trail: prefer the directory's own pages."""

    list_display = ["name", "organisation", "service_type", "is_active", "updated_at"]
    list_filter = ["service_type", "is_active"]
    search_fields = ["name", "organisation__name"]
    list_select_related = ["organisation"]
    filter_horizontal = ["areas"]
