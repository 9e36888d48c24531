from django.urls import path

from vigil.tips import public_views

app_name = "report"
urlpatterns = [
    path("", public_views.new_report, name="new"),
    path("followup/", public_views.followup, name="followup"),
    path("followup/thread/", public_views.thread, name="thread"),
    path("followup/close/", public_views.close, name="close"),
]
