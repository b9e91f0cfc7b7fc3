from django.urls import path

from msp.letters import views

app_name = "letters"
urlpatterns = [
    path("cases/<int:pk>/letters/", views.letters, name="list"),
    path("cases/<int:pk>/letters/new/", views.choose, name="choose"),
    path("cases/<int:pk>/letters/<int:letter>/", views.preview, name="preview"),
    path("cases/<int:pk>/letters/<int:letter>/edit/", views.edit, name="edit"),
    path("cases/<int:pk>/letters/<int:letter>/letter.pdf", views.pdf, name="pdf"),
    path("cases/<int:pk>/letters/<int:letter>/retry/", views.retry, name="retry"),
]
