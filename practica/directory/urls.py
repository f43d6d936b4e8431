from django.urls import path

from . import views

urlpatterns = [
    path("people/", views.people, name="people"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("people/<int:pk>/photo/<str:size>/", views.person_photo, name="person_photo"),
    path("profile/expertise/", views.expertise_edit, name="expertise_edit"),
    path("profile/expertise/<int:pk>/level/", views.expertise_change, name="expertise_change"),
    path("profile/expertise/<int:pk>/remove/", views.expertise_remove, name="expertise_remove"),
    path("expertise/<slug:slug>/", views.expertise_area_detail, name="expertise_area_detail"),
]
