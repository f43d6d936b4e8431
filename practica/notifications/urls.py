from django.urls import path

from . import email_views, views

urlpatterns = [
    path("", views.notification_list, name="notification_list"),
    path("read/", views.notifications_read, name="notifications_read"),
    path("email/stop/<str:token>/", email_views.email_unsubscribe, name="email_unsubscribe"),
    path("email/manage/<str:token>/", email_views.email_manage, name="email_manage"),
]
