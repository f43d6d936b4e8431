from django.urls import path

from . import views

urlpatterns = [
    path("", views.archive, name="newsletter_archive"),
    path("<int:pk>/", views.issue_detail, name="newsletter_issue"),
    path("subscribe/", views.subscribe, name="newsletter_subscribe"),
    path("confirm/<str:token>/", views.confirm, name="newsletter_confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="newsletter_unsubscribe"),
    path("preferences/", views.preferences, name="newsletter_preferences"),
    path("manage/", views.manage, name="newsletter_manage"),
    path("manage/new/", views.compose, name="newsletter_compose"),
    path("manage/<int:pk>/", views.issue_manage, name="newsletter_issue_manage"),
    path("manage/<int:pk>/edit/", views.edit, name="newsletter_edit"),
    path("manage/<int:pk>/test/", views.send_test, name="newsletter_send_test"),
    path("manage/<int:pk>/delete/", views.delete, name="newsletter_delete"),
    path("manage/<int:pk>/send/", views.send, name="newsletter_send"),
    path("manage/<int:pk>/resume/", views.resume, name="newsletter_resume"),
]
