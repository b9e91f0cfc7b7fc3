from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "msp.accounts"
    label = "accounts"

    def ready(self) -> None:
        from msp.accounts import checks, middleware, signin_audit  # noqa: F401  (checks, receivers)
