from django.apps import AppConfig


class BoardConfig(AppConfig):
    name = "msp.board"
    label = "board"
