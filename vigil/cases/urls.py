from django.urls import path

from vigil.cases import views

app_name = "cases"

urlpatterns = [
    path("", views.desk, name="desk"),
    path("new/", views.new_case, name="new"),
    path("from-tip/<uuid:tip_id>/", views.open_from_tip, name="from_tip"),
    path("<uuid:case_id>/", views.detail, name="detail"),
    path("<uuid:case_id>/edit/", views.edit, name="edit"),
    path("<uuid:case_id>/assign/", views.assign, name="assign"),
    path("<uuid:case_id>/status/", views.change_status, name="status"),
    path("<uuid:case_id>/access/", views.grant, name="grant"),
    path("<uuid:case_id>/access/<uuid:grant_id>/revoke/", views.revoke_grant, name="revoke_grant"),
    path("<uuid:case_id>/consent/", views.add_consent, name="add_consent"),
    path(
        "<uuid:case_id>/consent/<uuid:consent_id>/revoke/",
        views.revoke_consent,
        name="revoke_consent",
    ),
]
