from django.urls import path

from vigil.tips import inbox_views

app_name = "tips"
urlpatterns = [
    path("", inbox_views.inbox, name="inbox"),
    # <str:…>, not <uuid:…>: a malformed id reaches the access layer, which answers 404.
    path("tips/<str:tip_id>/", inbox_views.detail, name="detail"),
    path("tips/<str:tip_id>/ask/", inbox_views.ask, name="ask"),
    path("tips/<str:tip_id>/status/", inbox_views.set_status, name="status"),
    path("tips/<str:tip_id>/photos/<str:attachment_id>/", inbox_views.photo, name="photo"),
]
