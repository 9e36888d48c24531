from django.contrib import admin

from vigil.regions.models import Helpline, Place


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "country_code"]
    list_filter = ["kind", "country_code"]
    search_fields = ["code", "name"]


@admin.register(Helpline)
class HelplineAdmin(admin.ModelAdmin):
    list_display = ["jurisdiction", "kind", "name", "number", "order"]
    list_filter = ["kind", "jurisdiction"]
