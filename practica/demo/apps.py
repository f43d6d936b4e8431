from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site: `manage.py seed_demo`. Sits above every domain app; nothing imports it."""

    name = "practica.demo"
    label = "demo"
