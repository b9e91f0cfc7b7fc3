from django.urls import path

from msp.enquiries import views

app_name = "enquiries"
urlpatterns = [
    path("cases/<int:pk>/enquiry/start/", views.start, name="start"),
    path("cases/<int:pk>/outcomes/new/", views.add_outcome, name="add-outcome"),
    path("outcomes/<int:pk>/revise/", views.revise_outcome, name="revise-outcome"),
    path("cases/<int:pk>/closing/start/", views.start_closing, name="start-closing"),
    path("outcomes/<int:pk>/rate/", views.rate_outcome, name="rate-outcome"),
    path("cases/<int:pk>/enquiry/return/", views.return_to_enquiry, name="return"),
    path("cases/<int:pk>/close/", views.close, name="close"),
    path("cases/<int:pk>/reopen/", views.reopen, name="reopen"),
]
