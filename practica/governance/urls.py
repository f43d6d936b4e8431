from django.urls import path

from . import views

urlpatterns = [
    path("communities/<slug:slug>/agreement/", views.agreement, name="agreement"),
    path("communities/<slug:slug>/agreement/draft/", views.agreement_draft, name="agreement_draft"),
    path("communities/<slug:slug>/agreement/edit/", views.agreement_edit, name="agreement_edit"),
    path(
        "communities/<slug:slug>/agreement/publish/",
        views.agreement_publish,
        name="agreement_publish",
    ),
    path(
        "communities/<slug:slug>/agreement/versions/",
        views.agreement_versions,
        name="agreement_versions",
    ),
    path(
        "communities/<slug:slug>/agreement/versions/<int:number>/",
        views.agreement_version,
        name="agreement_version",
    ),
    path("communities/<slug:slug>/plan/", views.plan, name="plan"),
    path("communities/<slug:slug>/plan/draft/", views.plan_draft, name="plan_draft"),
    path("communities/<slug:slug>/plan/edit/", views.plan_edit, name="plan_edit"),
    path("communities/<slug:slug>/plan/publish/", views.plan_publish, name="plan_publish"),
    path("communities/<slug:slug>/plan/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("communities/<slug:slug>/plan/goals/<int:pk>/", views.goal_edit, name="goal_edit"),
    path(
        "communities/<slug:slug>/plan/activities/<int:pk>/",
        views.activity_edit,
        name="activity_edit",
    ),
]
