from django.urls import path

from msp.board import views

app_name = "board"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("figures.csv", views.download, name="download"),
]
