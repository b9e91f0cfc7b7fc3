from django.urls import path

from msp.enquiries import views

app_name = "enquiries"
urlpatterns = [
    # The workflow
    path("cases/<int:pk>/enquiry/start/", views.start, name="start"),
    path("cases/<int:pk>/outcomes/from-concern/", views.carry_wishes, name="carry-wishes"),
    path("cases/<int:pk>/outcomes/new/", views.add_outcome, name="add-outcome"),
    path("outcomes/<int:pk>/revise/", views.revise_outcome, name="revise-outcome"),
    path("cases/<int:pk>/closing/start/", views.start_closing, name="start-closing"),
    path("outcomes/<int:pk>/rate/", views.rate_outcome, name="rate-outcome"),
    path("cases/<int:pk>/enquiry/return/", views.return_to_enquiry, name="return"),
    path("cases/<int:pk>/close/", views.close, name="close"),
    path("cases/<int:pk>/reopen/", views.reopen, name="reopen"),
    # The record kept during the case (the practice guard links to these names)
    path("cases/<int:pk>/capacity/new/", views.add_capacity, name="capacity-new"),
    path(
        "cases/<int:pk>/best-interests/new/",
        views.add_best_interests,
        name="best-interests-new",
    ),
    path("cases/<int:pk>/restrictions/new/", views.add_restriction, name="restriction-new"),
    path("cases/<int:pk>/advocacy/new/", views.add_advocacy, name="advocacy-new"),
    path("cases/<int:pk>/contacts/new/", views.add_contact, name="contact-new"),
    path("cases/<int:pk>/risk/", views.risk, name="risk"),
    path("cases/<int:pk>/risk/actions/new/", views.add_risk_action, name="risk-action-new"),
    path("cases/<int:pk>/overrides/new/", views.add_override, name="override-new"),
    path("overrides/<int:pk>/cosign/", views.cosign_override, name="override-cosign"),
    path("cases/<int:pk>/plan/", views.plan, name="plan"),
    path("cases/<int:pk>/plan/actions/new/", views.add_plan_action, name="plan-action-new"),
    path("plan-actions/<int:pk>/", views.change_plan_action, name="plan-action-edit"),
    path("cases/<int:pk>/self-neglect/", views.self_neglect, name="self-neglect"),
    path(
        "cases/<int:pk>/self-neglect/clutter/new/",
        views.add_clutter_rating,
        name="clutter-new",
    ),
    path("cases/<int:pk>/feedback/new/", views.add_feedback, name="feedback-new"),
    path("cases/<int:pk>/escalations/new/", views.add_escalation, name="escalation-new"),
    path("escalations/<int:pk>/resolve/", views.resolve_escalation, name="escalation-resolve"),
    path("cases/<int:pk>/death/", views.death, name="death"),
    path("cases/<int:pk>/involvement/", views.involvement, name="involvement"),
    path("cases/<int:pk>/notes/new/", views.add_note, name="note-new"),
]
