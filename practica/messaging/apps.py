from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    """Private messages between members, asking an expert and mentoring."""

    name = "practica.messaging"
    label = "messaging"
    verbose_name = _("Private messages")
