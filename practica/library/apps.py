from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "practica.library"
    label = "library"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from practica.communities.notify import target_rule
        from practica.notifications.digests.registry import digest_section
        from practica.workgroups.notify import group_email_rule

        from .digest import resources_added
        from .models import Resource
        from .permissions import can_see_resource

        target_rule(Resource, can_see_resource)
        group_email_rule(Resource, lambda resource: resource.group_id)
        digest_section("library", _("New in the library"), resources_added, order=50)
