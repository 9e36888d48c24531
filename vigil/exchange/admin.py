"""Agreements and keys are read here; they are changed through the audited pages and commands."""

from django.contrib import admin

from vigil.exchange.models import DataSharingAgreement, ImportBatch, PartnerToken


@admin.register(DataSharingAgreement)
class DataSharingAgreementAdmin(admin.ModelAdmin):
    list_display = ("organisation", "partner_name", "scope", "valid_from", "valid_until")
    list_filter = ("scope",)
    readonly_fields = [f.name for f in DataSharingAgreement._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(PartnerToken)
class PartnerTokenAdmin(admin.ModelAdmin):
    list_display = ("key_id", "partner_name", "agreement", "expires_at", "revoked_at")
    exclude = ("secret",)
    readonly_fields = ("key_id", "partner_name", "agreement", "scopes", "expires_at", "revoked_at")

    def has_add_permission(self, request):
        return False


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ("kind", "source", "file_name", "rows_created", "rows_read", "created_at")
    readonly_fields = [f.name for f in ImportBatch._meta.fields]

    def has_add_permission(self, request):
        return False
