from django.apps import AppConfig


class AnalyserWebConfig(AppConfig):
    name = "lont.analyser.web"
    label = "analyser"
    verbose_name = "Tekstanalyse"

    def ready(self) -> None:
        from lont.core import demo, visibility

        from .demo import load_demo_gazetteers
        from .models import GazetteerPlace, LexiconEntry

        # Network reference lists, not personal or case data: every member of the network reads
        # them; the visibility layer only keeps networks apart.
        for model in (GazetteerPlace, LexiconEntry):
            visibility.register(
                model, category=None, owner_field=None, personal_data=False, case_content=False
            )
        demo.register(50, load_demo_gazetteers)
