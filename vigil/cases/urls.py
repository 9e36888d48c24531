from django.urls import path

from vigil.cases import child_views, plan_views, referral_views, views

app_name = "cases"

urlpatterns = [
    path("", views.desk, name="desk"),
    path("new/", views.new_case, name="new"),
    path("from-tip/<uuid:tip_id>/", views.open_from_tip, name="from_tip"),
    path("received/", referral_views.received, name="received"),
    path("referrals/<uuid:referral_id>/", referral_views.referral_detail, name="referral"),
    path(
        "referrals/<uuid:referral_id>/answer/",
        referral_views.answer_referral,
        name="answer_referral",
    ),
    path(
        "transfers/<uuid:transfer_id>/answer/",
        referral_views.answer_transfer,
        name="answer_transfer",
    ),
    path("children/", child_views.child_list, name="children"),
    path("children/new/", child_views.new_child, name="new_child"),
    path("children/<uuid:child_id>/", child_views.child_detail, name="child"),
    path("children/<uuid:child_id>/screen/", child_views.screen, name="screen"),
    path(
        "children/<uuid:child_id>/screenings/<uuid:result_id>/",
        child_views.screening,
        name="screening",
    ),
    path(
        "children/<uuid:child_id>/open-case/",
        child_views.open_case_for_child,
        name="open_for_child",
    ),
    path("<uuid:case_id>/", views.detail, name="detail"),
    path("<uuid:case_id>/edit/", views.edit, name="edit"),
    path("<uuid:case_id>/assign/", views.assign, name="assign"),
    path("<uuid:case_id>/status/", views.change_status, name="status"),
    path("<uuid:case_id>/access/", views.grant, name="grant"),
    path("<uuid:case_id>/access/<uuid:grant_id>/revoke/", views.revoke_grant, name="revoke_grant"),
    path("<uuid:case_id>/consent/", views.add_consent, name="add_consent"),
    path("<uuid:case_id>/caregivers/", views.add_caregiver, name="add_caregiver"),
    path("<uuid:case_id>/needs/", plan_views.assess_need, name="assess_need"),
    path("<uuid:case_id>/plan/", plan_views.add_plan_item, name="add_plan_item"),
    path(
        "<uuid:case_id>/plan/<uuid:item_id>/", plan_views.update_plan_item, name="update_plan_item"
    ),
    path("<uuid:case_id>/follow-ups/", plan_views.schedule_follow_up, name="schedule_follow_up"),
    path(
        "<uuid:case_id>/follow-ups/<uuid:follow_up_id>/",
        plan_views.record_follow_up,
        name="record_follow_up",
    ),
    path("<uuid:case_id>/closure/", plan_views.request_closure, name="request_closure"),
    path("<uuid:case_id>/closure/decision/", plan_views.decide_closure, name="decide_closure"),
    path("<uuid:case_id>/referrals/", referral_views.refer, name="refer"),
    path(
        "<uuid:case_id>/referrals/<uuid:referral_id>/withdraw/",
        referral_views.withdraw,
        name="withdraw_referral",
    ),
    path("<uuid:case_id>/transfer/", referral_views.request_transfer, name="request_transfer"),
    path(
        "<uuid:case_id>/consent/<uuid:consent_id>/revoke/",
        views.revoke_consent,
        name="revoke_consent",
    ),
]
