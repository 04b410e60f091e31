from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "lont.retention"
    label = "retention"
    verbose_name = "Bewaartermijnen"

    def ready(self) -> None:
        from . import holds  # registers the built-in hold providers
        from .declarations import declare

        declare()
        # A person under a legal hold or a valid prosecutor order does not expire meanwhile.
        from lont.subjects import expiry

        expiry.register_hold(holds.held_persons)
