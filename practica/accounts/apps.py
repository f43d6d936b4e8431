from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "practica.accounts"
    label = "accounts"

    def ready(self) -> None:
        from practica.activity.services import audience
        from practica.core.readercache import reader_part

        from .models import User
        from .selectors import CONDUCT_CACHE_KEY, conduct_current_version

        audience(
            "everyone",
            lambda activity: User.objects.filter(is_active=True).values_list("pk", flat=True),
        )

        # A new code of conduct stops writing until it is accepted: forms on cached pages too.
        # Read with the generations, in one round trip, when it is in the cache.
        reader_part("code of conduct", cache_key=CONDUCT_CACHE_KEY)(
            lambda request: conduct_current_version()
        )
