from django.urls import path

from . import views

urlpatterns = [
    path("communities/<slug:slug>/report/", views.community_report, name="community_report"),
    path(
        "communities/<slug:slug>/report/<slug:table>.csv",
        views.community_report_csv,
        name="community_report_csv",
    ),
    path("reports/", views.platform_report, name="platform_report"),
    path("reports/<slug:table>.csv", views.platform_report_csv, name="platform_report_csv"),
]
