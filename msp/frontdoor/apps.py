from django.apps import AppConfig


class FrontdoorConfig(AppConfig):
    name = "msp.frontdoor"
    label = "frontdoor"
