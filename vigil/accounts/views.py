import base64

from django import forms
from django.contrib.auth import logout
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from vigil.accounts import two_factor


class StaffLoginView(LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = False

    def get_success_url(self):
        if self.request.user.needs_two_factor:
            return f"/accounts/two-factor/?next={self.get_redirect_url() or '/inbox/'}"
        return super().get_success_url()


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def two_factor_view(request):
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    device = two_factor.confirmed_device(request.user)
    setting_up = device is None
    if setting_up:
        device = two_factor.pending_device(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.verify(request, device, form.cleaned_data["token"]):
            target = request.GET.get("next", "/inbox/")
            return redirect(
                target if target.startswith("/") and not target.startswith("//") else "/"
            )
        form.add_error(
            "token", _("That code is not valid. Check your device's clock and try again.")
        )
    context = {"form": form, "setting_up": setting_up}
    if setting_up:
        context["qr"] = two_factor.qr_svg(device)
        context["secret"] = base64.b32encode(device.bin_key).decode()
    return render(request, "accounts/two_factor.html", context)


@require_POST
def logout_view(request):
    logout(request)
    return redirect("accounts:login")
