from django.contrib import admin

from vigil.regions.models import Boundary, Helpline, Place


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "country_code", "alpha3"]
    list_filter = ["kind"]
    search_fields = ["code", "name", "alpha3"]
    raw_id_fields = ["parent"]


@admin.register(Boundary)
class BoundaryAdmin(admin.ModelAdmin):
    list_display = ["place", "source", "updated_at"]
    search_fields = ["place__code", "place__name"]
    raw_id_fields = ["place"]
    # Outlines come from `vigil import_boundaries`; editing coordinates by hand is not a task.
    readonly_fields = ["geometry", "min_lon", "min_lat", "max_lon", "max_lat", "updated_at"]


@admin.register(Helpline)
class HelplineAdmin(admin.ModelAdmin):
    list_display = ["jurisdiction", "kind", "name", "number", "order"]
    list_filter = ["kind", "jurisdiction"]
