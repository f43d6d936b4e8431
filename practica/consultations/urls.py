from django.urls import path

from . import views

urlpatterns = [
    path("polls/<int:pk>/vote/", views.poll_vote, name="poll_vote"),
    path("communities/<slug:slug>/surveys/", views.community_surveys, name="community_surveys"),
    path("communities/<slug:slug>/surveys/new/", views.survey_create, name="survey_create"),
    path("surveys/<int:pk>/", views.survey_detail, name="survey_detail"),
    path("surveys/<int:pk>/edit/", views.survey_edit, name="survey_edit"),
    path("surveys/<int:pk>/questions/", views.survey_questions, name="survey_questions"),
    path("surveys/<int:pk>/open/", views.survey_open, name="survey_open"),
    path("surveys/<int:pk>/remind/", views.survey_remind, name="survey_remind"),
    path("surveys/<int:pk>/close/", views.survey_close, name="survey_close"),
    path("surveys/<int:pk>/results/", views.survey_results, name="survey_results"),
    path("surveys/<int:pk>/results.csv", views.survey_results_csv, name="survey_results_csv"),
    path("surveys/<int:pk>/answers.csv", views.survey_answers_csv, name="survey_answers_csv"),
    path("surveys/<int:pk>/summary/", views.survey_summary, name="survey_summary"),
    path("consult/<str:token>/", views.consultation, name="consultation"),
]
