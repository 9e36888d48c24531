from django.urls import path

from vigil.legal import views

app_name = "legal"

PROCEEDING = "cases/<uuid:case_id>/proceedings/<uuid:proceeding_id>/"

urlpatterns = [
    path("hearings/", views.hearings_calendar, name="hearings"),
    path("hearings.ics", views.hearings_file, name="hearings_ics"),
    path("cases/<uuid:case_id>/proceedings/new/", views.new_proceeding, name="new_proceeding"),
    path(PROCEEDING, views.proceeding, name="proceeding"),
    path(PROCEEDING + "edit/", views.edit_proceeding, name="edit_proceeding"),
    path(PROCEEDING + "hearings/new/", views.new_hearing, name="new_hearing"),
    path(PROCEEDING + "hearings/<uuid:hearing_id>/", views.edit_hearing, name="edit_hearing"),
    path(PROCEEDING + "measures/new/", views.new_measure, name="new_measure"),
    path(PROCEEDING + "measures/<uuid:measure_id>/", views.edit_measure, name="edit_measure"),
    path(PROCEEDING + "claims/new/", views.new_claim, name="new_claim"),
    path(PROCEEDING + "claims/<uuid:claim_id>/", views.edit_claim, name="edit_claim"),
]
