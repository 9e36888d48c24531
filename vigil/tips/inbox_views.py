"""The hotline inbox: the list of tips, a tip's page, its photos and what staff send."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from vigil.accounts.access import organisations_where, staff_required
from vigil.audit.actions import record_view
from vigil.regions import places
from vigil.tips import access, actions, hooks
from vigil.tips.inbox_filters import InboxFilterForm, inbox_tips, region_choices
from vigil.tips.inbox_forms import AskForm, StatusForm
from vigil.tips.models import Status

PER_PAGE = 50
LIST_COLUMNS = (
    "id",
    "reference",
    "hotline_id",
    "channel",
    "status",
    "immediate_danger",
    "region_code",
    "town",
    "has_unread_reporter_message",
    "created_at",
)
ATTACHMENT_COLUMNS = ("id", "tip_id", "message_id", "content_type", "width", "height", "size")


@require_GET
@never_cache
@staff_required
def inbox(request):
    hotlines = organisations_where(request.user, access.READ_ROLES)
    if not hotlines:
        raise PermissionDenied
    regions = region_choices(hotlines)
    form = InboxFilterForm(request.GET or None, regions=regions)
    filters = form.cleaned_data if form.is_valid() else {}
    result = inbox_tips(access.tips_visible_to(request.user).only(*LIST_COLUMNS), filters)
    page = Paginator(result.tips, PER_PAGE).get_page(request.GET.get("page"))
    region_names = dict(regions)
    hotline_names = {org.pk: org.name for org in hotlines}
    for tip in page.object_list:
        tip.region_name = region_names.get(tip.region_code, tip.region_code)
        tip.hotline_name = hotline_names.get(tip.hotline_id, "")
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "search": result,
        "query": query.urlencode(),
        "several_hotlines": len(hotlines) > 1,
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "tips/inbox_list.html", context, status=status)


def _render_detail(request, tip, *, ask_form=None, status_form=None, status=200):
    """The tip in full: every rendering is a reading of it, so it is audited."""
    record_view(tip, request.user, tip.hotline)
    actions.mark_read(tip)
    attachments = list(tip.attachments.only(*ATTACHMENT_COLUMNS))
    thread = list(tip.messages.select_related("author"))
    for message in thread:
        message.photos = [a for a in attachments if a.message_id == message.pk]
    context = {
        "tip": tip,
        "photos": [a for a in attachments if a.message_id is None],
        "thread": thread,
        "country_name": places.name_of(tip.country_code) if tip.country_code else "",
        "region_name": places.name_of(tip.region_code) if tip.region_code else "",
        "ask_form": ask_form or AskForm(),
        "status_form": status_form or StatusForm(tip=tip),
        "closed": tip.status == Status.CLOSED,
        "panels": hooks.panels(request, tip),
    }
    return render(request, "tips/inbox_detail.html", context, status=status)


@require_GET
@never_cache
@staff_required
def detail(request, tip_id):
    tip = access.tip_for(request.user, tip_id)
    return _render_detail(request, tip)


@require_GET
@staff_required
def photo(request, tip_id, attachment_id):
    attachment = access.attachment_for(request.user, tip_id, attachment_id)
    record_view(attachment.tip, request.user, attachment.tip.hotline, summary="viewed photo")
    response = HttpResponse(attachment.content, content_type=attachment.content_type)
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@staff_required
def ask(request, tip_id):
    tip = access.tip_for(request.user, tip_id, write=True)
    form = AskForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, tip, ask_form=form, status=400)
    actions.ask_reporter(tip, request.user, form.cleaned_data["body"])
    messages.success(request, _("Your question was sent to the reporter."))
    return redirect("tips:detail", tip_id=tip.pk)


@require_POST
@staff_required
def set_status(request, tip_id):
    tip = access.tip_for(request.user, tip_id, write=True)
    form = StatusForm(request.POST, tip=tip)
    if not form.is_valid():
        return _render_detail(request, tip, status_form=form, status=400)
    actions.set_status(tip, request.user, form.cleaned_data["status"], form.cleaned_data["reason"])
    messages.success(
        request, _("Status set to: %(status)s.") % {"status": Status(tip.status).label}
    )
    return redirect("tips:detail", tip_id=tip.pk)
