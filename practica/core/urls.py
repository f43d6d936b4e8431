from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.coming_soon, {"section": "search"}, name="search"),
    path("healthz/", views.healthz, name="healthz"),
    path("ping/", views.ping, name="ping"),
]
