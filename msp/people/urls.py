from django.urls import path

from msp.people import views

app_name = "people"
urlpatterns = [
    path("people/", views.find, name="find"),
    path("people/new/", views.create, name="create"),
    path("people/<int:pk>/", views.detail, name="detail"),
    path("people/<int:pk>/edit/", views.edit, name="edit"),
    path("people/<int:pk>/merge/", views.merge_choose, name="merge"),
    path("people/<int:pk>/merge/<int:other>/", views.merge_confirm, name="merge-confirm"),
]
