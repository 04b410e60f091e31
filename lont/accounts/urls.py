from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("inloggen/organisatie/<int:pk>/", views.OIDCStartView.as_view(), name="oidc_start"),
    path("inloggen/organisatie/terug/", views.OIDCCallbackView.as_view(), name="oidc_callback"),
    path("tweestapsverificatie/", views.TwoFactorView.as_view(), name="two_factor"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("bevestigen/", views.ReauthView.as_view(), name="reauth"),
    path("uitnodigen/", views.InviteView.as_view(), name="invite"),
    path(
        "uitnodiging/<str:token>/", views.AcceptInvitationView.as_view(), name="accept_invitation"
    ),
    path("", views.SettingsView.as_view(), name="settings"),
    path("taal/", views.LanguagePreferenceView.as_view(), name="language"),
    path("tokens/<int:pk>/intrekken/", views.RevokeTokenView.as_view(), name="revoke_token"),
    path(
        "leden/<int:pk>/herstellen/",
        views.MemberPasswordResetView.as_view(),
        name="member_password_reset",
    ),
    path("herstel/<str:token>/", views.AcceptPasswordResetView.as_view(), name="password_reset"),
    path("herstelcodes/", views.RecoveryCodesView.as_view(), name="recovery_codes"),
]
