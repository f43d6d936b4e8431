from django.urls import path

from . import views

urlpatterns = [
    path("profile/", views.profile_edit, name="profile_edit"),
    path("conduct/", views.conduct, name="conduct"),
    path("conduct/publish/", views.conduct_publish_view, name="conduct_publish"),
]
