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
        from .permissions import roles_of, suspended_now
        from .trust import is_new_account

        # A member's cached pages follow their memberships and roles: read on every request.
        reader_part("roles")(lambda request: sorted(roles_of(request.user).items()))
        # …where they are suspended now (read with the roles; a suspension ends by itself),
        # and whether they are still a new account (from their age): no query of their own.
        reader_part("suspended")(lambda request: suspended_now(request.user))
        reader_part("new account")(lambda request: is_new_account(request.user))

        from .models import Membership
        from .services.standing import membership_suspension_restore

        def joined(instance: Membership, created: bool = False, **kwargs: object) -> None:
            if created:  # a suspension here outlives leaving and coming back
                membership_suspension_restore(membership=instance)

        post_save.connect(joined, sender=Membership, weak=False, dispatch_uid="standing-joined")

        def changed(**kwargs: object) -> None:
            # Visibility, status and names show on every anonymous page of a community.
            bump("communities", "content")

        post_save.connect(changed, sender=Community, weak=False, dispatch_uid="pagecache-community")
        post_delete.connect(
            changed, sender=Community, weak=False, dispatch_uid="pagecache-community-del"
        )
