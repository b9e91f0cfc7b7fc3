from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the service in production: checks on the database it runs on."""

    name = "msp.operations"
    label = "operations"

    def ready(self) -> None:
        from msp.operations import checks  # noqa: F401  (registers the checks)
