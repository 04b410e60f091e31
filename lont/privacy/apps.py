from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "lont.privacy"
    label = "privacy"
    verbose_name = "Privacy"

    def ready(self) -> None:
        from . import receivers  # noqa: F401 - the DPIA listens to covenant changes
