"""The cases section of the staff tip page (an entry of settings.VIGIL_TIP_PANELS)."""

from django.template.loader import render_to_string

from vigil.cases import access


def tip_panel(request, tip) -> str:
    # Every case opened from the tip is listed by number and owner; the
    # number links only for those who may open the case.
    cases = list(tip.cases.select_related("organisation"))
    visible = set(
        access.cases_visible_to(request.user).filter(tip=tip).values_list("pk", flat=True)
    )
    for case in cases:
        case.readable = case.pk in visible
    return render_to_string(
        "cases/tip_panel.html",
        {"tip": tip, "cases": cases, "may_open": tip.is_open},
        request=request,
    )
