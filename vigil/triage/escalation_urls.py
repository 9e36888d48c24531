from django.urls import path

from vigil.triage import views

app_name = "escalations"
urlpatterns = [
    path("", views.escalation_list, name="list"),
    path("<str:escalation_id>/", views.escalation_detail, name="detail"),
    path(
        "<str:escalation_id>/acknowledge/",
        views.escalation_acknowledge,
        name="acknowledge",
    ),
    path("<str:escalation_id>/close/", views.escalation_close, name="close"),
]
