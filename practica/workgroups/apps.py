from django.apps import AppConfig


class WorkgroupsConfig(AppConfig):
    name = "practica.workgroups"
    label = "workgroups"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from practica.communities.notify import target_rule
        from practica.core.pagecache import bump

        from .models import WorkingGroup
        from .permissions import can_see_group

        # Who may hear of a group's activity, asked again when a notification is sent.
        target_rule(WorkingGroup, can_see_group)

        def changed(**kwargs: object) -> None:
            # A group's visibility decides which posts and resources lists and threads show.
            bump("communities", "content")

        post_save.connect(changed, sender=WorkingGroup, weak=False, dispatch_uid="pagecache-wg")
        post_delete.connect(changed, sender=WorkingGroup, weak=False, dispatch_uid="pagecache-wg-d")
