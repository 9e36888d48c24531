from urllib.parse import urlencode

from django import forms
from django.contrib.auth import logout
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from vigil.accounts import two_factor
from vigil.accounts.access import is_fully_signed_in, staff_required
from vigil.accounts.models import Membership
from vigil.accounts.redirects import landing_page, local_path


class StaffLoginView(LoginView):
    """Password first; people who see personal data then give a TOTP code."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = False

    def get_redirect_url(self):
        return local_path(self.request.POST.get("next") or self.request.GET.get("next"), "")

    def get_success_url(self):
        target = local_path(self.get_redirect_url(), landing_page(self.request.user))
        if self.request.user.needs_two_factor:
            return f"{reverse('accounts:two_factor')}?{urlencode({'next': target})}"
        return target


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


@never_cache
def two_factor_view(request):
    """Set up an authenticator on first sign-in, then ask for its code."""
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    target = local_path(request.GET.get("next"))
    if is_fully_signed_in(request.user):
        return redirect(target)
    device = two_factor.confirmed_device(request.user)
    setting_up = device is None
    if setting_up:
        device = two_factor.pending_device(request.user)
    form = TokenForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        wait = two_factor.wait_seconds(device)
        if wait:
            form.add_error(
                "token",
                _("Too many wrong codes. Wait %(seconds)s seconds, then try again.")
                % {"seconds": wait},
            )
        elif two_factor.verify(request, device, form.cleaned_data["token"]):
            return redirect(target)
        else:
            form.add_error(
                "token", _("That code is not valid. Check your device's clock and try again.")
            )
        status = 400
    elif request.method == "POST":
        status = 400
    context = {"form": form, "setting_up": setting_up, "next": target}
    if setting_up:
        context["qr"] = two_factor.qr_svg(device)
        context["secret"] = two_factor.secret_base32(device)
    return render(request, "accounts/two_factor.html", context, status=status)


@staff_required
def home(request):
    """Who is signed in, and as what: the landing page of staff without an inbox."""
    memberships = Membership.objects.filter(person=request.user).select_related("organisation")
    return render(request, "accounts/home.html", {"memberships": memberships})


@require_POST
def logout_view(request):
    logout(request)
    return redirect("accounts:login")
