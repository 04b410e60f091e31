from django.apps import AppConfig


class NetworksConfig(AppConfig):
    name = "lont.networks"
    label = "networks"
    verbose_name = "Netwerken en convenant"

    def ready(self) -> None:
        from lont.core import overview, viewer, visibility

        from . import selectors
        from .models import Membership, Organisation

        # Core resolves the viewer and renders the overview without importing this app.
        viewer.set_membership_source(selectors.active_memberships)
        overview.register("overview", selectors.network_overview)
        overview.register("my_access", selectors.access_summary)

        # The member directory: every member of a network sees who else is in it (professionals'
        # work contact details), but each look at a member is still access-logged.
        visibility.register(Membership, owner_field=None, case_content=False)
        visibility.register(Organisation, owner_field=None, personal_data=False, case_content=False)
