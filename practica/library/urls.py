from django.urls import path

from . import views

urlpatterns = [
    path("library/", views.library, name="library"),
    path("library/<int:pk>/", views.resource_detail, name="resource_detail"),
    path("library/<int:pk>/edit/", views.resource_edit, name="resource_edit"),
    path("library/<int:pk>/versions/new/", views.version_add, name="version_add"),
    path("library/<int:pk>/download/", views.resource_download, name="resource_download"),
    path(
        "library/<int:pk>/versions/<int:vid>/download/",
        views.version_download,
        name="version_download",
    ),
    path("library/<int:pk>/approve/", views.resource_approve, name="resource_approve"),
    path("library/<int:pk>/confirm/", views.resource_confirm, name="resource_confirm"),
    path("library/<int:pk>/manage/", views.resource_manage, name="resource_manage"),
    path("library/<int:pk>/move/", views.resource_move, name="resource_move"),
    path("library/<int:pk>/delete/", views.resource_delete, name="resource_delete"),
    path("library/<int:pk>/comments/", views.resource_comment, name="resource_comment"),
    path("communities/<slug:slug>/library/", views.community_library, name="community_library"),
    path("communities/<slug:slug>/library/new/", views.resource_create, name="resource_create"),
]
