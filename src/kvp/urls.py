from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("kvp.accounts.urls")),
    path("", include("kvp.participants.urls")),
    path("", include("kvp.casefile.urls")),
    path("", include("kvp.parameters.urls")),
    path("", include("kvp.staff.urls")),
    path("", include("kvp.programme.urls")),
    path("", include("kvp.followup.urls")),
    path("", include("kvp.plans.urls")),
    path("", include("kvp.dialog.urls")),
    path("", include("kvp.motivation.urls")),
    path("", include("kvp.catalogue.urls")),
    path("", include("kvp.matching.urls")),
    path("", include("kvp.overview.urls")),
    path("", include("kvp.wording.urls")),
    path("", include("kvp.reports.urls")),
    path("", include("kvp.common.urls")),
    path("api/", include("kvp.api.urls")),
    path("admin/", admin.site.urls),
]

handler404 = "kvp.api.views.page_not_found"

if settings.KVP_OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))
