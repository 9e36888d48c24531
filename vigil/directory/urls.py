from django.urls import path

from vigil.directory import views

app_name = "directory"
urlpatterns = [
    path("", views.search, name="search"),
    path("ours/", views.ours, name="ours"),
    # <str:…>, not <uuid:…>: a malformed id reaches the access layer, which answers 404.
    path("organisations/<str:organisation_id>/new/", views.create, name="create"),
    path("services/<str:service_id>/", views.detail, name="detail"),
    path("services/<str:service_id>/edit/", views.edit, name="edit"),
    path("services/<str:service_id>/deactivate/", views.deactivate, name="deactivate"),
    path("services/<str:service_id>/reactivate/", views.reactivate, name="reactivate"),
]
