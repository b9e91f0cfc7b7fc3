import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msp.settings")
application = get_wsgi_application()

from msp.accounts.checks import refuse_demo_accounts_in_production  # noqa: E402

refuse_demo_accounts_in_production()

from msp.operations.checks import refuse_non_durable_database_in_production  # noqa: E402

refuse_non_durable_database_in_production()

# Import every page's code now (the URL patterns import the views), so that a
# worker gunicorn forks from a preloaded master (gunicorn.conf.py) starts ready,
# then close any connection the checks above opened: a forked worker must never
# share its parent's database connection.
from django.db import connections  # noqa: E402
from django.urls import get_resolver  # noqa: E402

get_resolver().url_patterns  # noqa: B018
connections.close_all()
