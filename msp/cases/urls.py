from django.urls import path

from msp.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.home, name="home"),
    path("cases/mine/", views.my_cases, name="my-cases"),
    path("cases/team/", views.team_cases, name="team-cases"),
    path("cases/<int:pk>/", views.detail, name="detail"),
]
