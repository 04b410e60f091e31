"""Technical configuration only: networks and partner organisations (no personal or case data,
which would bypass the visibility and audit layers)."""

from django.contrib import admin

from .models import Network, Organisation


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "created_at"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "network", "partner_type"]
    list_filter = ["network", "partner_type"]
