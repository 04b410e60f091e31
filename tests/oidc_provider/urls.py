from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def whoami(request: HttpRequest) -> HttpResponse:
    """For the tests: who the provider's own session belongs to (empty when none)."""
    return HttpResponse(request.user.get_username() if request.user.is_authenticated else "")


urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("whoami/", whoami),
    path("o/", include("oauth2_provider.urls", namespace="oauth2_provider")),
]
