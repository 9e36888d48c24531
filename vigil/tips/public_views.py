"""The public pages: report anonymously, get a receipt code, follow up with it.

Nobody signs in here. The only key to a report is its receipt code; once it
opens a report, the report's id sits in a short session until the reporter
closes it.
"""

from functools import wraps

from django import forms
from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from vigil.core import privacy
from vigil.core.text import validate_plain_text
from vigil.regions import places
from vigil.tips import actions, receipts, routing
from vigil.tips.forms import TipForm
from vigil.tips.models import Channel, Tip
from vigil.tips.photos import MAX_PHOTO_BYTES, MAX_PHOTOS, PhotoError, clean_photo

SESSION_KEY = "reporter_tip_id"
SESSION_SECONDS = 1800
FOLLOWUP_ATTEMPTS = 10
MESSAGE_LIMIT = 10_000
NOT_FOUND = _("We could not find a report with this code. Check the code and try again.")


class MultiplePhotoInput(forms.FileInput):
    allow_multiple_selected = True


class PhotosField(forms.Field):
    """Up to three photos, each checked and cleaned; the value is a list of CleanPhoto."""

    widget = MultiplePhotoInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.update({"multiple": True, "accept": "image/*"})

    def clean(self, data):
        uploads = [upload for upload in (data or []) if upload]
        if len(uploads) > MAX_PHOTOS:
            raise forms.ValidationError(
                ngettext(
                    "You can send at most %(count)d photo.",
                    "You can send at most %(count)d photos.",
                    MAX_PHOTOS,
                )
                % {"count": MAX_PHOTOS}
            )
        photos, errors = [], []
        for upload in uploads:
            try:
                # One byte past the limit is enough for clean_photo to refuse it.
                photos.append(clean_photo(upload.read(MAX_PHOTO_BYTES + 1)))
            except PhotoError as error:
                errors.append(forms.ValidationError(f"{upload.name[:60]}: {error}"))
        if errors:
            raise forms.ValidationError(errors)
        return photos


PHOTOS_HELP = _(
    "Up to 3 photos, each smaller than 5 MB. We remove the location and camera "
    "details from photos before keeping them."
)


class ReportForm(TipForm):
    photos = PhotosField(label=_("Photos (optional)"), help_text=PHOTOS_HELP)

    def tip_fields(self) -> dict:
        fields = super().tip_fields()
        fields.pop("photos", None)
        return fields


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your answer or new information"),
        max_length=MESSAGE_LIMIT,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    photos = PhotosField(label=_("Photos (optional)"), help_text=PHOTOS_HELP)


def _problem(request, status, heading, message, *, helplines=True):
    context = {
        "heading": heading,
        "message": message,
        "helplines": places.helplines_for(settings.VIGIL_COUNTRY) if helplines else None,
    }
    response = render(request, "tips/report_problem.html", context, status=status)
    if status == 429:
        response["Retry-After"] = str(settings.VIGIL_RATE_WINDOW_SECONDS)
    return response


def _too_large(request):
    return _problem(
        request,
        413,
        _("What you sent is too large"),
        _(
            "Nothing was saved. Photos must be smaller than 5 MB each, at most 3 of them, "
            "and the text must be shorter. Go back, remove or shrink something, and send again."
        ),
    )


def _max_body_bytes() -> int:
    # Files stream to disk, but no honest report is bigger than three photos and its text.
    return MAX_PHOTOS * MAX_PHOTO_BYTES + settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def public_page(view):
    """No caching, CSRF, and a clear page instead of Django's bare 400 for oversized bodies.

    CSRF is checked inside, after the size check: the middleware would read the
    body first and fail with a page the reporter cannot act on.
    """
    protected = csrf_protect(view)

    @wraps(view)
    def guarded(request, *args, **kwargs):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > _max_body_bytes():
            return _too_large(request)
        try:
            return protected(request, *args, **kwargs)
        except (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent):
            return _too_large(request)

    return csrf_exempt(never_cache(guarded))


@public_page
@require_http_methods(["GET", "POST"])
def new_report(request):
    danger = request.GET.get("danger") == "1"
    status = 200
    if request.method == "POST":
        if not privacy.allow(request, "report"):
            return _problem(
                request,
                429,
                _("Please wait a few minutes"),
                _(
                    "Too many reports were sent from this connection in a short time, "
                    "so this one was not saved. Please wait a few minutes and send it again."
                ),
            )
        form = ReportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                tip, code = actions.submit_tip(
                    form.tip_fields(),
                    channel=Channel.WEB,
                    photos=form.cleaned_data["photos"],
                    language=get_language() or "",
                )
            except routing.NoHotline:
                return _problem(
                    request,
                    503,
                    _("We are not accepting reports yet"),
                    _(
                        "This service is still being set up and cannot receive reports yet. "
                        "Nothing was saved."
                    ),
                )
            return _receipt_page(request, tip, code)
        danger = danger or bool(form.cleaned_data.get("immediate_danger"))
        status = 400
    else:
        form = ReportForm(initial={"immediate_danger": True} if danger else None)
    region = request.POST.get("region", "") if request.method == "POST" else ""
    context = {
        "form": form,
        "danger": danger,
        "helplines": places.helplines_for(settings.VIGIL_COUNTRY, region),
    }
    return render(request, "tips/report_form.html", context, status=status)


def _receipt_page(request, tip, code):
    # Rendered, not redirected: the code exists only in this response.
    context = {
        "tip": tip,
        "receipt": receipts.display(code),
        "helplines": places.helplines_for(settings.VIGIL_COUNTRY, tip.region_code),
    }
    return render(request, "tips/report_received.html", context)


@public_page
@require_http_methods(["GET", "POST"])
def followup(request):
    error = None
    if request.method == "POST":
        if not privacy.allow(request, "followup", limit=FOLLOWUP_ATTEMPTS):
            return _problem(
                request,
                429,
                _("Please wait a few minutes"),
                _(
                    "Too many attempts to open a report came from this connection. "
                    "Please wait a few minutes and try again."
                ),
                helplines=False,
            )
        # Malformed and unknown codes get the same answer after the same work.
        tip = actions.find_by_receipt(request.POST.get("receipt", "")[:100])
        if tip is not None:
            request.session.cycle_key()
            request.session[SESSION_KEY] = str(tip.pk)
            request.session.set_expiry(SESSION_SECONDS)
            return redirect("report:thread")
        error = NOT_FOUND
    context = {"error": error, "closed": request.GET.get("closed") == "1"}
    return render(request, "tips/followup_open.html", context, status=400 if error else 200)


def _reporter_tip(request) -> Tip | None:
    tip_id = request.session.get(SESSION_KEY)
    return Tip.objects.filter(pk=tip_id).first() if tip_id else None


@public_page
@require_http_methods(["GET", "POST"])
def thread(request):
    tip = _reporter_tip(request)
    if tip is None:
        return redirect("report:followup")
    status = 200
    if request.method == "POST":
        if not privacy.allow(request, "followup-message"):
            return _problem(
                request,
                429,
                _("Please wait a few minutes"),
                _(
                    "Too many messages were sent from this connection in a short time, "
                    "so this one was not saved. Please wait a few minutes and send it again."
                ),
            )
        form = MessageForm(request.POST, request.FILES)
        if form.is_valid():
            actions.add_reporter_message(
                tip, form.cleaned_data["body"], form.cleaned_data["photos"]
            )
            return redirect(f"{request.path}?sent=1")
        status = 400
    else:
        form = MessageForm()
        actions.record_reporter_view(tip, Channel.WEB)
    context = {
        "tip": tip,
        "form": form,
        "sent": request.GET.get("sent") == "1",
        # Photos are counted, never shown back: whoever holds the code should not get them.
        "thread": tip.messages.annotate(photo_count=Count("attachments")).order_by("created_at"),
    }
    return render(request, "tips/followup_thread.html", context, status=status)


@public_page
@require_POST
def close(request):
    request.session.flush()
    return redirect(reverse("report:followup") + "?closed=1")
