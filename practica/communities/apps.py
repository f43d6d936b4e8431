from django.apps import AppConfig


class CommunitiesConfig(AppConfig):
    name = "practica.communities"
    label = "communities"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from practica.core.pagecache import bump

        from .models import Community

        def changed(**kwargs: object) -> None:
            # Visibility, status and names show on every anonymous page of a community.
            bump("communities", "content")

        post_save.connect(changed, sender=Community, weak=False, dispatch_uid="pagecache-community")
        post_delete.connect(
            changed, sender=Community, weak=False, dispatch_uid="pagecache-community-del"
        )
