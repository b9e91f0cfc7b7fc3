from django.urls import path

from msp.audit import views

app_name = "audit"

# No ids in these paths: the person or case is a search term, so the URL walk's
# rule (records are 404 to people outside the team) is not bent for auditors.
urlpatterns = [
    path("", views.search, name="search"),
    path("export.csv", views.export, name="export"),
    path("person/", views.person_access, name="person"),
    path("alerts/", views.alerts, name="alerts"),
]
