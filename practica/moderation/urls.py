from django.urls import path

from . import views

urlpatterns = [
    path("moderation/", views.platform_queue, name="moderation_queue"),
    path("moderation/flag/<str:kind>/<int:pk>/", views.flag_item, name="flag_item"),
    path("moderation/flags/<int:pk>/withdraw/", views.flag_withdraw, name="flag_withdraw"),
    path("moderation/cases/<int:pk>/", views.case_detail, name="case_detail"),
    path("moderation/mine/", views.my_moderation, name="my_moderation"),
    path("communities/<slug:slug>/moderation/", views.community_queue, name="community_moderation"),
    path(
        "communities/<slug:slug>/moderation/settings/",
        views.moderation_settings,
        name="moderation_settings",
    ),
]
