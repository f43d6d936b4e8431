from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("posts/", views.post_list, name="post_list"),
    path("posts/mine/", views.my_posts, name="my_posts"),
    path("posts/<int:pk>/", views.post_detail, name="post_detail"),
    path("posts/<int:pk>/unread/", views.post_unread, name="post_unread"),
    path("posts/<int:pk>/react/", views.post_react, name="post_react"),
    path("posts/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("posts/<int:pk>/history/", views.post_history, name="post_history"),
    path("posts/<int:pk>/review/", views.post_review, name="post_review"),
    path("posts/<int:pk>/moderate/", views.post_moderate, name="post_moderate"),
    path("posts/<int:pk>/delete/", views.post_delete, name="post_delete"),
    path("posts/<int:pk>/reopen/", views.post_reopen, name="post_reopen"),
    path("posts/<int:pk>/move/", views.post_move, name="post_move"),
    path("posts/<int:pk>/summary/", views.summary_create, name="summary_create"),
    path("posts/<int:pk>/comments/", views.comment_create, name="comment_create"),
    path("posts/<int:pk>/accept/", views.answer_accept, name="answer_accept"),
    path("comments/<int:pk>/", views.comment_goto, name="comment_goto"),
    path("comments/<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("comments/<int:pk>/delete/", views.comment_delete, name="comment_delete"),
    path("comments/<int:pk>/react/", views.comment_react, name="comment_react"),
    path("communities/<slug:slug>/posts/", views.community_posts, name="community_posts"),
    path("communities/<slug:slug>/posts/new/", views.post_create, name="post_create"),
    path("communities/<slug:slug>/review/", views.community_review, name="community_review"),
    path(
        "communities/<slug:slug>/posts/scheduled/",
        views.community_scheduled,
        name="community_scheduled",
    ),
    path(
        "communities/<slug:slug>/summaries/",
        views.community_summaries,
        name="community_summaries",
    ),
    path("archives/", views.archives, name="archives"),
    path("archives/<int:year>/<int:month>/", views.archive_month, name="archive_month"),
    path("tags/", views.tag_list, name="tag_list"),
    path("tags/<str:slug>/", views.tag_detail, name="tag_detail"),
]
