from django.urls import path

from vigil.core import language

urlpatterns = [path("language/<str:code>/", language.choose_language, name="choose_language")]
