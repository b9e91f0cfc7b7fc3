from django.urls import path

from msp.cases import allocation_views, restriction_views, views
from msp.cases.page import SECTION_PAGES

app_name = "cases"
urlpatterns = [
    path("", views.home, name="home"),
    path("cases/mine/", views.my_cases, name="my-cases"),
    path("cases/queues/", views.queues, name="queues"),
    path("cases/team/", views.team_cases, name="team-cases"),
    path("cases/<int:pk>/", views.detail, name="detail"),
    path("cases/<int:pk>/chronology/", views.case_chronology, name="chronology"),
    path("cases/<int:pk>/documents/", views.documents, name="documents"),
    *[
        path(
            f"cases/<int:pk>/record/{slug}/", views.section, {"slug": slug}, name=f"section-{slug}"
        )
        for slug in SECTION_PAGES
    ],
    path("cases/<int:pk>/summary.pdf", views.summary_pdf, name="summary-pdf"),
    path("cases/<int:pk>/allocate/", allocation_views.allocate, name="allocate"),
    path("cases/<int:pk>/break-glass/", restriction_views.break_glass, name="break-glass"),
    path("cases/<int:pk>/restriction/", restriction_views.restriction, name="restriction"),
    path(
        "cases/<int:pk>/restriction/lift/",
        restriction_views.lift_restriction,
        name="lift-restriction",
    ),
    path("break-glass-alerts/", restriction_views.alerts, name="break-glass-alerts"),
    path(
        "break-glass-alerts/<int:pk>/acknowledge/",
        restriction_views.acknowledge,
        name="acknowledge-break-glass",
    ),
]
