from django.urls import path

from msp.assurance import views

app_name = "assurance"
urlpatterns = [
    path("return/", views.sac_return, name="return"),
    path("return/<int:year>.csv", views.download, {"fmt": "csv"}, name="return-csv"),
    path("return/<int:year>.xlsx", views.download, {"fmt": "xlsx"}, name="return-xlsx"),
]
