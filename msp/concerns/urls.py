from django.urls import path

from msp.concerns import views

app_name = "concerns"
urlpatterns = [
    path("concerns/new/", views.start, name="start"),
    path("people/<int:person_pk>/concerns/new/", views.raise_concern, name="raise"),
    path("cases/<int:pk>/concerns/new/", views.add_concern, name="add"),
    path("cases/<int:pk>/triage/start/", views.start_triage, name="start-triage"),
    path("cases/<int:pk>/decision/", views.decision, name="decision"),
]
