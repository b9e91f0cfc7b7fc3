from django.urls import path

from msp.survey import views

app_name = "survey"
urlpatterns = [
    path("", views.work_list, name="work-list"),
    path("cases/<int:pk>/responses/new/", views.new_response, name="new-response"),
    path("responses/<int:pk>/", views.response_detail, name="response"),
]
