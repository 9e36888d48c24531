from django import forms
from django.contrib import admin

from vigil.triage.catalogue import record_version
from vigil.triage.indicators import pattern_problem
from vigil.triage.models import CatalogueVersion, Indicator, IndicatorPattern


class IndicatorPatternForm(forms.ModelForm):
    class Meta:
        model = IndicatorPattern
        fields = ["language", "pattern"]

    def clean_pattern(self):
        pattern = self.cleaned_data["pattern"]
        problem = pattern_problem(pattern)
        if problem:
            raise forms.ValidationError(problem)
        return pattern


class IndicatorPatternInline(admin.TabularInline):
    model = IndicatorPattern
    form = IndicatorPatternForm
    extra = 1


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    """Every save or delete here is a new catalogue version (recorded after the inlines)."""

    list_display = ["code", "title", "weight", "implies_minor", "is_active", "updated_at"]
    list_filter = ["is_active", "implies_minor"]
    search_fields = ["code", "title"]
    inlines = [IndicatorPatternInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        verb = "Changed" if change else "Added"
        record_version(created_by=request.user, note=f"{verb} {form.instance.code} in the admin")

    def delete_model(self, request, obj):
        code = obj.code
        super().delete_model(request, obj)
        record_version(created_by=request.user, note=f"Deleted {code} in the admin")

    def delete_queryset(self, request, queryset):
        codes = ", ".join(queryset.values_list("code", flat=True))
        super().delete_queryset(request, queryset)
        record_version(created_by=request.user, note=f"Deleted {codes} in the admin")


@admin.register(CatalogueVersion)
class CatalogueVersionAdmin(admin.ModelAdmin):
    list_display = ["number", "note", "created_by", "created_at"]
    readonly_fields = ["number", "note", "created_by", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
