from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "practica.core"
    label = "core"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from .logging import on_user_logged_in, on_user_login_failed
        from .readercache import connect_reader_models

        # allauth signs people in through django.contrib.auth, as the admin does.
        user_logged_in.connect(on_user_logged_in, dispatch_uid="practica_log_login")
        user_login_failed.connect(on_user_login_failed, dispatch_uid="practica_log_login_failed")
        # A signed-in reader's cached pages are dropped when anything about them changes.
        connect_reader_models()
