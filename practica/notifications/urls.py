from django.urls import path

from . import views

urlpatterns = [
    path("", views.notification_list, name="notification_list"),
    path("read/", views.notifications_read, name="notifications_read"),
    path("<int:pk>/go/", views.notification_go, name="notification_go"),
    path("watch/", views.watch_change, name="watch_change"),
    path("watching/", views.watching_list, name="watching_list"),
    path("email/", views.email_preferences, name="email_preferences"),
]
