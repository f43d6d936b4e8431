from django.urls import path

from . import views

urlpatterns = [
    path("events/", views.event_list, name="event_list"),
    path("events/past/", views.event_past, name="event_past"),
    path("events/new/", views.event_create_platform, name="event_create_platform"),
    path("events/calendar/", views.calendar_settings, name="calendar_settings"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("events/<int:pk>/edit/", views.event_edit, name="event_edit"),
    path("events/<int:pk>/cancel/", views.event_cancel, name="event_cancel"),
    path("events/<int:pk>/register/", views.event_register, name="event_register"),
    path("events/<int:pk>/unregister/", views.event_unregister, name="event_unregister"),
    path("events/<int:pk>/registrations/", views.event_registrations, name="event_registrations"),
    path(
        "events/<int:pk>/registrations/<int:rid>/decide/",
        views.registration_decide,
        name="registration_decide",
    ),
    path("events/<int:pk>/registrations.csv", views.registrations_csv, name="registrations_csv"),
    path("events/<int:pk>/attendance/", views.event_attendance, name="event_attendance"),
    path("events/<int:pk>/attended/", views.event_attended_self, name="event_attended_self"),
    path("events/<int:pk>/materials/", views.material_add, name="material_add"),
    path("events/<int:pk>/follow-up/", views.event_followup, name="event_followup"),
    path("events/<int:pk>/certificate/", views.event_certificate, name="event_certificate"),
    path("events/<int:pk>/event.ics", views.event_ics, name="event_ics"),
    path("communities/<slug:slug>/events/", views.community_events, name="community_events"),
    path("communities/<slug:slug>/events/new/", views.event_create, name="event_create"),
    path(
        "communities/<slug:slug>/events.ics",
        views.community_feed_public,
        name="community_feed_public",
    ),
    path("calendar/<str:token>/my.ics", views.feed_personal, name="feed_personal"),
    path("calendar/<str:token>/<slug:slug>.ics", views.feed_community, name="feed_community"),
]
