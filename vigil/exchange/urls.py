from django.urls import path

from vigil.exchange import views

app_name = "exchange"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.organisation_page, name="organisation"),
    path("<slug:slug>/export/", views.export, name="export"),
    path("<slug:slug>/agreements/new/", views.new_agreement, name="new_agreement"),
    path(
        "<slug:slug>/agreements/<uuid:agreement_id>/revoke/",
        views.revoke_agreement,
        name="revoke_agreement",
    ),
]
