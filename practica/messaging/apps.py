from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    """Private messages between members, asking an expert and mentoring."""

    name = "practica.messaging"
    label = "messaging"
    verbose_name = _("Private messages")

    def ready(self) -> None:
        from practica.core.readercache import reader_part
        from practica.mailin.services import reply_handler

        from . import notify  # noqa: F401 - registers who may hear of a message
        from .notify import REPLY_KIND
        from .replies import conversation_reply
        from .selectors import UNREAD, unread_cached

        reply_handler(REPLY_KIND, conversation_reply)
        # The header shows the count on every page; services say when it changes
        # (reader_changed for everyone a message reaches).
        reader_part(UNREAD, kept=True)(
            lambda request: unread_cached(user_id=request.user.pk)  # type: ignore[attr-defined]
        )
