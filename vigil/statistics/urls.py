from django.urls import path

from vigil.statistics import views

app_name = "statistics"
urlpatterns = [
    path("", views.public, name="public"),
    path("<slug:breakdown>.csv", views.table_csv, name="csv"),
]
