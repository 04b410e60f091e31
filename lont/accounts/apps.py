from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "lont.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from lont.core import demo
        from lont.networks.services import on_membership_deactivated

        from .api import schema  # noqa: F401 - registers the OpenAPI authentication extensions
        from .demo import load_demo_second_factor
        from .services import membership_access_end

        on_membership_deactivated(membership_access_end)
        demo.register(10, load_demo_second_factor)
