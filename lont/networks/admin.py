"""Technical configuration only: networks and partner organisations (no personal or case data,
which would bypass the visibility and audit layers)."""

from django.contrib import admin
from django.contrib.auth.models import Group

from .models import Network, Organisation


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "created_at"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "network", "partner_type"]
    list_filter = ["network", "partner_type"]


# Lont's roles live in memberships; Django's permission groups are not used.
admin.site.unregister(Group)
