from django.urls import path

from . import views

G = "communities/<slug:slug>/groups/<slug:group>/"

urlpatterns = [
    path("communities/<slug:slug>/groups/", views.group_list, name="group_list"),
    path("communities/<slug:slug>/groups/new/", views.group_create, name="group_create"),
    path(G, views.group_detail, name="group_detail"),
    path(G + "edit/", views.group_edit, name="group_edit"),
    path(G + "archive/", views.group_archive, name="group_archive"),
    path(G + "join/", views.group_join, name="group_join"),
    path(G + "leave/", views.group_leave, name="group_leave"),
    path(G + "members/", views.group_members, name="group_members"),
]
