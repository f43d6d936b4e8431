from django.apps import AppConfig


class MailinConfig(AppConfig):
    """Taking part by email: reply addresses, and the messages that come in."""

    name = "practica.mailin"
    label = "mailin"

    def ready(self) -> None:
        from practica.notifications.emails import email_threading

        from .headers import reply_headers, thread_subject

        email_threading(lambda note: (reply_headers(note), thread_subject(note)))
