from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "practica.library"
    label = "library"

    def ready(self) -> None:
        from practica.communities.notify import target_rule

        from .models import Resource
        from .permissions import can_see_resource

        target_rule(Resource, can_see_resource)
