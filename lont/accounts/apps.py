from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "lont.accounts"
    label = "accounts"
    verbose_name = "Accounts"
