from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from vigil.core.views import healthz

urlpatterns = [
    path("", RedirectView.as_view(url="/report/", permanent=False)),
    path("healthz", healthz, name="healthz"),
    path("", include("vigil.core.urls")),
    path("report/", include("vigil.tips.public_urls")),
    path("inbox/", include("vigil.tips.inbox_urls")),
    path("triage/", include("vigil.triage.urls")),
    path("escalations/", include("vigil.triage.escalation_urls")),
    path("screening/", include("vigil.screening.urls")),
    path("cases/", include("vigil.cases.urls")),
    path("legal/", include("vigil.legal.urls")),
    path("tracing/", include("vigil.tracing.urls")),
    path("directory/", include("vigil.directory.urls")),
    path("insights/", include("vigil.insights.urls")),
    path("sms/", include("vigil.tips.sms_urls")),
    path("exchange/", include("vigil.exchange.urls")),
    path("statistics/", include("vigil.statistics.urls")),
    path("api/v1/", include("vigil.api_urls")),
    path("accounts/", include("vigil.accounts.urls")),
    path("audit/", include("vigil.audit.urls")),
    path("vulnerability/", include("vigil.vulnerability.urls")),
    path("learn/", include("vigil.learn.urls")),
    path("aware/", include("vigil.awareness.urls")),
    path("admin/", admin.site.urls),
]
