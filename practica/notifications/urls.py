from django.urls import path

from . import views
from .views import links

urlpatterns = [
    path("", views.notification_list, name="notification_list"),
    path("read/", views.notifications_read, name="notifications_read"),
    path("<int:pk>/go/", views.notification_go, name="notification_go"),
    path("watch/", views.watch_change, name="watch_change"),
    path("watching/", views.watching_list, name="watching_list"),
    path("email/", views.email_preferences, name="email_preferences"),
    path("email/stop/<str:token>/", links.email_unsubscribe, name="email_unsubscribe"),
    path("email/manage/<str:token>/", links.email_manage, name="email_manage"),
]
