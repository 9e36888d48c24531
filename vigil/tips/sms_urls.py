from django.urls import path

from vigil.tips import sms_views

app_name = "sms"
urlpatterns = [path("inbound/", sms_views.inbound, name="inbound")]
