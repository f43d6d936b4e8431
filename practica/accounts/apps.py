from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "practica.accounts"
    label = "accounts"

    def ready(self) -> None:
        from practica.core.readercache import reader_part

        from .selectors import conduct_current_version

        # A new code of conduct stops writing until it is accepted: forms on cached pages too.
        reader_part("code of conduct")(lambda request: conduct_current_version())
