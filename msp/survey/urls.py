from django.urls import URLPattern

app_name = "survey"
urlpatterns: list[URLPattern] = []
