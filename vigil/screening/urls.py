from django.urls import path

from vigil.screening import views

app_name = "screening"
urlpatterns = [
    path("instruments/", views.instrument_list, name="instruments"),
    path(
        "instruments/<slug:slug>/<str:version>/",
        views.instrument_detail,
        name="instrument",
    ),
]
