import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msp.settings")
application = get_wsgi_application()

from msp.accounts.checks import refuse_demo_accounts_in_production  # noqa: E402

refuse_demo_accounts_in_production()

from msp.operations.checks import refuse_non_durable_database_in_production  # noqa: E402

refuse_non_durable_database_in_production()
