from django.urls import path

from vigil.awareness import views

app_name = "awareness"
urlpatterns = [
    path("", views.index, name="index"),
    path("signs/", views.signs, name="signs"),
    path("report/", views.how_to_report, name="how_to_report"),
    path("after/", views.after, name="after"),
    path("posters/", views.poster_list, name="posters"),
    path("posters/<slug:language>.pdf", views.poster, name="poster"),
]
