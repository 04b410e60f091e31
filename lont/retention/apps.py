from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "lont.retention"
    label = "retention"
    verbose_name = "Bewaartermijnen"

    def ready(self) -> None:
        from . import holds  # noqa: F401  (registers the built-in hold providers)
        from .declarations import declare

        declare()
