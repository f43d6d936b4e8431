from django.urls import path

from . import views

urlpatterns = [
    path("knowledge/", views.knowledge_map, name="knowledge_map"),
    path("knowledge/gaps/", views.knowledge_gaps, name="knowledge_gaps"),
    path("knowledge/requests/", views.request_list, name="request_list"),
    path("knowledge/requests/mine/", views.requests_for_me, name="requests_for_me"),
    path("knowledge/requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("knowledge/requests/<int:pk>/edit/", views.request_edit, name="request_edit"),
    path("knowledge/requests/<int:pk>/route/", views.request_route, name="request_route"),
    path("knowledge/requests/<int:pk>/need/", views.request_need, name="request_need"),
    path(
        "communities/<slug:slug>/knowledge/", views.community_knowledge, name="community_knowledge"
    ),
    path("communities/<slug:slug>/knowledge/gaps/", views.community_gaps, name="community_gaps"),
    path(
        "communities/<slug:slug>/knowledge/requests/",
        views.community_rfis,
        name="community_rfis",
    ),
]
