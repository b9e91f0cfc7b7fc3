from django.urls import path

from msp.accounts import views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign-in"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("signed-out/", views.signed_out, name="signed-out"),
    path("account/api-tokens/", views.api_tokens, name="api-tokens"),
    path("account/api-tokens/<int:pk>/revoke/", views.revoke_api_token, name="api-token-revoke"),
    path("account/role-requests/", views.role_requests, name="role-requests"),
    path(
        "account/role-requests/<int:pk>/decide/",
        views.decide_role_request,
        name="role-request-decide",
    ),
]
