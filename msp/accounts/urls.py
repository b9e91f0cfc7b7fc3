from django.urls import path

from msp.accounts import passkey_views, two_factor_views, views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign-in"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("signed-out/", views.signed_out, name="signed-out"),
    path("stay-signed-in/", views.keep_alive, name="keep-alive"),
    path("sign-in/code/", two_factor_views.code, name="two-factor-code"),
    path("account/", two_factor_views.account, name="account"),
    path("account/password/", views.change_password, name="change-password"),
    path("account/two-factor/set-up/", two_factor_views.set_up, name="two-factor-set-up"),
    path(
        "account/two-factor/backup-codes/",
        two_factor_views.new_backup_codes,
        name="new-backup-codes",
    ),
    path("account/two-factor/reset/", two_factor_views.reset, name="two-factor-reset"),
    path("account/passkeys/<int:pk>/name/", passkey_views.name, name="passkey-name"),
    path("account/passkeys/<int:pk>/remove/", passkey_views.remove, name="passkey-remove"),
    # JSON for the browser while adding or using a passkey (POST only).
    path("account/passkeys/add/begin/", passkey_views.AddBegin.as_view(), name="passkey-add-begin"),
    path(
        "account/passkeys/add/complete/",
        passkey_views.AddComplete.as_view(),
        name="passkey-add-complete",
    ),
    path("sign-in/passkey/begin/", passkey_views.UseBegin.as_view(), name="passkey-use-begin"),
    path(
        "sign-in/passkey/complete/",
        passkey_views.UseComplete.as_view(),
        name="passkey-use-complete",
    ),
    path("account/api-tokens/", views.api_tokens, name="api-tokens"),
    path("account/api-tokens/<int:pk>/revoke/", views.revoke_api_token, name="api-token-revoke"),
    path("account/role-requests/", views.role_requests, name="role-requests"),
    path(
        "account/role-requests/<int:pk>/decide/",
        views.decide_role_request,
        name="role-request-decide",
    ),
]
