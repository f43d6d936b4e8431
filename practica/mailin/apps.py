from django.apps import AppConfig


class MailinConfig(AppConfig):
    """Taking part by email: reply addresses, and the messages that come in."""

    name = "practica.mailin"
    label = "mailin"
