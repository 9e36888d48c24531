from django.urls import path

from vigil.tracing import views

app_name = "tracing"

urlpatterns = [
    path("", views.request_list, name="requests"),
    path("new/", views.new_request, name="new"),
    path("requests/<uuid:request_id>/", views.request_detail, name="request"),
    path("requests/<uuid:request_id>/close/", views.close_request, name="close"),
    path("candidates/", views.candidate_list, name="candidates"),
    path("candidates/<uuid:candidate_id>/", views.candidate_detail, name="candidate"),
    path("candidates/<uuid:candidate_id>/review/", views.review_candidate, name="review"),
]
