from django.urls import path

from . import expert_views, views

urlpatterns = [
    path("", views.inbox, name="message_inbox"),
    path("new/<int:pk>/", views.message_new, name="message_new"),
    path("<int:pk>/", views.conversation_detail, name="conversation_detail"),
    path("<int:pk>/leave/", views.conversation_leave, name="conversation_leave"),
    path("flag/<int:pk>/", views.message_flag, name="message_flag"),
    path("flagged/", views.flagged_messages, name="flagged_messages"),
    path("block/<int:pk>/", views.person_block, name="person_block"),
    path("ask/<int:pk>/<str:kind>/", expert_views.expert_ask, name="expert_ask"),
    path("requests/", expert_views.expert_requests, name="expert_requests"),
    path("requests/<int:pk>/", expert_views.expert_request_detail, name="expert_request_detail"),
]
