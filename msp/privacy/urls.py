from django.urls import path

from msp.privacy import views

app_name = "privacy"
urlpatterns = [
    path("people/<int:pk>/subject-access/", views.subject_access, name="subject-access"),
    path(
        "people/<int:pk>/subject-access/export.<str:fmt>",
        views.subject_access_download,
        name="subject-access-download",
    ),
]
