from django.apps import AppConfig


class DiscussionsConfig(AppConfig):
    name = "practica.discussions"
    label = "discussions"

    def ready(self) -> None:
        from . import (
            signals,  # noqa: F401 - connects the page cache's receivers
            watch_places,  # noqa: F401 - threads and tags members watch
        )
