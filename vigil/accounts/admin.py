from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django_otp.admin import OTPAdminSite

from vigil.accounts.models import ApiKey, Membership, Organisation, Person

# The admin sees personal data too: it demands the same second factor.
admin.site.__class__ = OTPAdminSite


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(Person)
class PersonAdmin(UserAdmin):
    inlines = [MembershipInline]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "jurisdiction"]
    list_filter = ["kind"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ["organisation", "name", "prefix", "created_at", "revoked_at"]
    readonly_fields = ["prefix", "key_hash"]
