from django.apps import AppConfig


class PeacetimeConfig(AppConfig):
    name = "lont.peacetime"
    label = "peacetime"
    verbose_name = "Vredestijd: visie, bronnen, bewustwording"

    def ready(self) -> None:
        from lont.core import demo, visibility
        from lont.knowledge import hooks as knowledge_hooks
        from lont.networks import annex

        from . import selectors
        from .demo import load_demo
        from .models import AwarenessActivity, DigitalProfile, Source, StigmaLabel, VisionVersion

        # Organisational policy and reference lists, not case content: every member of the
        # network reads them; the visibility layer keeps networks apart.
        for model in (VisionVersion, StigmaLabel, Source, AwarenessActivity):
            visibility.register(
                model, category=None, owner_field=None, personal_data=False, case_content=False
            )
        # Names the online specialist (a member): a directory like the member list.
        visibility.register(DigitalProfile, category=None, owner_field=None, case_content=False)
        # The covenant annex cites the network vision it rests on; the knowledge base lists the
        # sources of each recommendation (hooks: networks and knowledge sit below this app).
        annex.register_citation(selectors.vision_citation)
        knowledge_hooks.register_sources(selectors.sources_for_recommendation)
        demo.register(56, load_demo)
        # A new network starts with the guide's stigmatising examples (question 2).
        from lont.networks.services import on_network_created

        from .services import seed_labels

        on_network_created(seed_labels)
