from django.apps import AppConfig


class NetworksConfig(AppConfig):
    name = "lont.networks"
    label = "networks"
    verbose_name = "Netwerken en convenant"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from lont.core import overview, viewer, visibility

        from . import selectors
        from .models import CovenantVersion, Membership, Organisation

        # Core resolves the viewer and renders the overview without importing this app.
        viewer.set_membership_source(selectors.active_memberships)
        overview.register("overview", selectors.network_overview)
        overview.register("my_access", selectors.access_summary)
        # The viewer keeps covenant versions by id (immutable); a saved or deleted version drops
        # what this process kept (an id used again, as SQLite does after a rollback, is read anew).
        for signal in (post_save, post_delete):
            signal.connect(
                viewer.forget_covenant_versions,
                sender=CovenantVersion,
                dispatch_uid=f"forget_covenant_versions_{signal is post_save}",
            )

        # The member directory: every member of a network sees who else is in it (professionals'
        # work contact details), but each look at a member is still access-logged.
        visibility.register(Membership, owner_field=None, case_content=False)
        visibility.register(Organisation, owner_field=None, personal_data=False, case_content=False)
