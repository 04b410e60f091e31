from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "lont.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from .api import schema  # noqa: F401 - registers the OpenAPI authentication extensions
