"""Django's admin, with our site (see admin_site.py). Kept apart from the site
because app configs are imported before models can be."""

from django.contrib.admin.apps import AdminConfig


class MspAdminConfig(AdminConfig):
    default_site = "msp.accounts.admin_site.MspAdminSite"
