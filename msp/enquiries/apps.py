from django.apps import AppConfig


class EnquiriesConfig(AppConfig):
    name = "msp.enquiries"
    label = "enquiries"
