from django.urls import path

from vigil.insights import views

app_name = "insights"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("places.csv", views.dashboard_csv, name="dashboard_csv"),
    path("places/<str:code>/", views.place, name="place"),
    path("places/<str:code>/<slug:table>.csv", views.place_csv, name="place_csv"),
]
