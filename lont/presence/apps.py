from django.apps import AppConfig


class PresenceConfig(AppConfig):
    name = "lont.presence"
    label = "presence"
    verbose_name = "Online aanwezigheid"

    def ready(self) -> None:
        from lont.core import demo, visibility
        from lont.networks.choices import InformationCategory

        from .demo import load_demo
        from .models import (
            ContactLog,
            Platform,
            PlatformReview,
            PositiveActivity,
            ProfessionalAccount,
        )

        # The platform register and its scans are network reference lists: no personal data.
        for model in (Platform, PlatformReview):
            visibility.register(
                model, category=None, owner_field=None, personal_data=False, case_content=False
            )
        # The roster names professionals with their work accounts: a network directory like the
        # member list (every member reads it; only the owning organisation changes it).
        visibility.register(ProfessionalAccount, category=None, case_content=False)
        # Contact counts and activities name a group: group analysis, owned by the organisation
        # that recorded them, shown only as far as the group is.
        visibility.register(
            ContactLog,
            category=InformationCategory.GROUP_ANALYSIS.value,
            related=("group",),
            summary_fields=("kind", "count", "on"),
        )
        visibility.register(
            PositiveActivity,
            category=InformationCategory.GROUP_ANALYSIS.value,
            related=("group",),
            summary_fields=("kind", "planned_on", "channel"),
        )
        # After the subjects demo (40), before the signals (60) that name roster accounts.
        demo.register(55, load_demo)
