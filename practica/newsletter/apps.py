from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "practica.newsletter"
    label = "newsletter"
