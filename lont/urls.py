from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from lont.core.policies import PUBLIC, policy

admin.site.site_header = "Lont — technisch beheer"
# RQ's queue dashboard shows job arguments and is operations tooling, not configuration: the admin
# holds technical configuration only (use `manage.py rqstats` on the server instead).
for _model in [m for m in admin.site._registry if m._meta.app_label == "django_rq"]:
    admin.site.unregister(_model)
admin.site.lont_policy = "staff"  # type: ignore[attr-defined]

urlpatterns = [
    path("", include("lont.core.urls")),
    path("account/", include("lont.accounts.urls")),
    path("netwerk/", include("lont.networks.urls")),
    path("kennisbank/", include("lont.knowledge.urls")),
    path("analyse/", include("lont.analyser.web.urls")),
    path("sociale-kaart/", include("lont.socialmap.urls")),
    path("privacy/bewaartermijnen/", include("lont.retention.urls")),
    path("privacy/", include("lont.audit.urls")),
    path("privacy/", include("lont.privacy.urls")),
    path("doelgroepen/", include("lont.subjects.urls")),
    path("signalen/", include("lont.signalregister.urls")),
    path("duiding/", include("lont.assessment.urls")),
    path("incidenten/", include("lont.crisis.urls")),
    path("kalender/", include("lont.riskcalendar.urls")),
    path("vredestijd/", include("lont.peacetime.urls")),
    path("online-aanwezigheid/", include("lont.presence.urls")),
    path("nazorg/", include("lont.aftercare.urls")),
    path("meldingen/", include("lont.notifications.urls")),
    path("api/v1/", include("lont.api_urls")),
    path("i18n/setlang/", policy(PUBLIC)(set_language), name="set_language"),
    path("beheer/", admin.site.urls),
]

handler500 = "lont.core.errors.server_error"
