from django.urls import path

from . import views

urlpatterns = [
    path("recognition/badges/", views.badge_list, name="badge_list"),
    path("recognition/badges/<slug:code>/", views.badge_detail, name="badge_detail"),
    path("recognition/settings/", views.recognition_settings, name="recognition_settings"),
    path(
        "communities/<slug:slug>/recognition/",
        views.community_recognition,
        name="community_recognition",
    ),
    path("people/<int:pk>/development/", views.development_record, name="development_record"),
    path("people/<int:pk>/development/csv/", views.development_csv, name="development_csv"),
]
