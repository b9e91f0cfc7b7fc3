from django.urls import path

from msp.frontdoor import views

app_name = "frontdoor"
urlpatterns = [
    path("report/", views.start, name="start"),
    path("report/check-your-answers/", views.check, name="check"),
    path("report/sent/", views.done, name="done"),
    path("report/status/", views.status, name="status"),
    path("report/status/your-report/", views.status_view, name="status-view"),
    path("report/status/escalate/", views.escalate, name="escalate"),
    path("report/<slug:slug>/", views.step, name="step"),
    path("reports/<int:pk>/", views.report_detail, name="report"),
    path("reports/<int:pk>/share-feedback/", views.share_feedback, name="share-feedback"),
    path(
        "report-escalations/<int:pk>/respond/",
        views.resolve_escalation,
        name="resolve-escalation",
    ),
]
