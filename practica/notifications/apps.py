from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "practica.notifications"
    label = "notifications"

    def ready(self) -> None:
        from practica.activity.services import subscribe

        from .deliver import activity_notify

        subscribe("notifications", activity_notify)
        from practica.core.readercache import reader_part

        from .context_processors import UNREAD
        from .selectors import unread_count

        # Every page shows the count; services.py says when it changes (reader_changed).
        reader_part(UNREAD, kept=True)(
            lambda request: unread_count(user_id=request.user.pk)  # type: ignore[attr-defined]
        )
