from django.apps import AppConfig


class CommunitiesConfig(AppConfig):
    name = "practica.communities"
    label = "communities"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from practica.core.pagecache import bump
        from practica.core.readercache import reader_part

        from . import (
            notify,  # noqa: F401 - registers who may hear of a community's activity
            watch_places,  # noqa: F401 - communities members watch
        )
        from .models import Community
        from .permissions import roles_of

        # A member's cached pages follow their memberships and roles: read on every request.
        reader_part("roles")(lambda request: sorted(roles_of(request.user).items()))

        def changed(**kwargs: object) -> None:
            # Visibility, status and names show on every anonymous page of a community.
            bump("communities", "content")

        post_save.connect(changed, sender=Community, weak=False, dispatch_uid="pagecache-community")
        post_delete.connect(
            changed, sender=Community, weak=False, dispatch_uid="pagecache-community-del"
        )
