from django.urls import path

from . import views

urlpatterns = [
    path("communities/", views.community_list, name="community_list"),
    path("communities/propose/", views.proposal_create, name="proposal_create"),
    path("communities/proposals/", views.proposal_queue, name="proposal_queue"),
    path("communities/proposals/mine/", views.proposal_mine, name="proposal_mine"),
    path("communities/proposals/<int:pk>/", views.proposal_review, name="proposal_review"),
    path("communities/<slug:slug>/", views.community_detail, name="community_detail"),
    path("communities/<slug:slug>/members/", views.community_members, name="community_members"),
    path(
        "communities/<slug:slug>/emblem/<str:size>/",
        views.community_emblem,
        name="community_emblem",
    ),
    path("communities/<slug:slug>/join/", views.community_join, name="community_join"),
    path("communities/<slug:slug>/leave/", views.community_leave, name="community_leave"),
    path("communities/<slug:slug>/settings/", views.community_settings, name="community_settings"),
    path("communities/<slug:slug>/requests/", views.community_requests, name="community_requests"),
    path("communities/<slug:slug>/requests/<int:pk>/", views.request_decide, name="request_decide"),
    path(
        "communities/<slug:slug>/requests/<int:pk>/withdraw/",
        views.request_withdraw,
        name="request_withdraw",
    ),
    path(
        "communities/<slug:slug>/members/<int:user_id>/remove/",
        views.member_remove,
        name="member_remove",
    ),
    path(
        "communities/<slug:slug>/members/<int:user_id>/role/",
        views.member_role,
        name="member_role",
    ),
    path(
        "communities/<slug:slug>/invitations/",
        views.community_invitations,
        name="community_invitations",
    ),
    path(
        "communities/<slug:slug>/invitations/<int:pk>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("account/standing/", views.my_standing, name="my_standing"),
    path("audit/", views.audit_all, name="audit_log"),
    path("people/<int:pk>/standing/", views.person_standing, name="person_standing"),
    path("communities/<slug:slug>/audit/", views.community_audit, name="community_audit"),
    path(
        "communities/<slug:slug>/members/<int:user_id>/standing/",
        views.member_standing,
        name="member_standing",
    ),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
