"""The desk's browser pages."""

from django.urls import path

from claims import views

app_name = "claims"
urlpatterns = [
    path("", views.board, name="board"),
    path("districts/<int:pk>/", views.district, name="district"),
    path("articles/", views.article_list, name="articles"),
    path("articles/new/", views.upload, name="upload"),
    path("articles/<int:pk>/", views.article, name="article"),
    path("articles/<int:pk>/progress/", views.article_progress, name="article_progress"),
    path("articles/<int:pk>/rerun/", views.article_rerun, name="article_rerun"),
    path("claims/<int:pk>/", views.claim_detail, name="claim"),
    path("claims/<int:pk>/review/", views.claim_review_view, name="claim_review"),
    path("claims/<int:pk>/correct/", views.claim_correct_view, name="claim_correct"),
    path("review/", views.queue, name="queue"),
]
