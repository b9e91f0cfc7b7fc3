from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "msp.people"
    label = "people"
