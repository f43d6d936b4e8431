from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    """Who knows what: the expertise taxonomy and each member's declared expertise."""

    name = "practica.directory"
    label = "directory"
    verbose_name = _("Directory")

    def ready(self) -> None:
        from . import watch_places  # noqa: F401 - people members follow
