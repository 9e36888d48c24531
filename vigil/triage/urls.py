from django.urls import path

from vigil.triage import views

app_name = "triage"
# <str:…>, not <uuid:…>: a malformed id reaches the access layer, which answers 404.
urlpatterns = [
    path("", views.queue_view, name="queue"),
    path("tips/<str:tip_id>/cluster/", views.cluster_view, name="cluster"),
    path("tips/<str:tip_id>/claim/", views.claim, name="claim"),
    path("tips/<str:tip_id>/release/", views.release, name="release"),
    path("tips/<str:tip_id>/assign/", views.assign, name="assign"),
    path("tips/<str:tip_id>/escalate/", views.escalate, name="escalate"),
    path("tips/<str:tip_id>/entities/add/", views.entity_add, name="entity_add"),
    path(
        "tips/<str:tip_id>/entities/<str:entity_id>/<str:verdict>/",
        views.entity_verdict,
        name="entity_verdict",
    ),
    path("tips/<str:tip_id>/indicators/add/", views.indicator_add, name="indicator_add"),
    path(
        "tips/<str:tip_id>/indicators/<str:indicator_id>/<str:verdict>/",
        views.indicator_verdict,
        name="indicator_verdict",
    ),
]
