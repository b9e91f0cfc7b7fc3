from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("msp.api.urls")),
    path("", include("msp.accounts.urls")),
    path("", include("msp.cases.urls")),
    path("", include("msp.people.urls")),
    path("", include("msp.concerns.urls")),
    path("", include("msp.frontdoor.urls")),
    path("", include("msp.enquiries.urls")),
    path("assurance/", include("msp.assurance.urls")),
    path("board/", include("msp.board.urls")),
    path("survey/", include("msp.survey.urls")),
    path("", include("msp.privacy.urls")),
    path("", include("msp.letters.urls")),
    path("audit/", include("msp.audit.urls")),
]
