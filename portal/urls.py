from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django_ratelimit.decorators import ratelimit

from accounts.forms import LoginForm
from organisations import views as organisation_views
from portal import views
from subsidies import urls as subsidy_urls

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("", include("activities.urls")),
    # Django's own views, first limited per address (settings: *_PER_ADDRESS); the rest follow.
    path(
        "accounts/login/",
        ratelimit(key="ip", rate=settings.LOGIN_POSTS_PER_ADDRESS, method="POST")(
            auth_views.LoginView.as_view(authentication_form=LoginForm)
        ),
        name="login",
    ),
    path(
        "accounts/password_reset/",
        ratelimit(key="ip", rate=settings.PASSWORD_RESETS_PER_ADDRESS, method="POST")(
            auth_views.PasswordResetView.as_view()
        ),
        name="password_reset",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("start/", views.after_login, name="after-login"),
    path("uitnodiging/<str:token>/", organisation_views.accept_invitation, name="invitation-accept"),
    path("organisatie/", include("portal.organisation_urls")),
    path("beoordeling/", include("staff.urls")),
    path("subsidies/", include(subsidy_urls.public_patterns)),
    path("admin/", admin.site.urls),
]
if settings.OIDC_RP_CLIENT_ID:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.MEDIA_URL.startswith("/"):
    urlpatterns.append(path(settings.MEDIA_URL.lstrip("/") + "<path:path>", views.media, name="media"))

handler400 = "portal.views.bad_request"
handler403 = "portal.views.permission_denied"
handler500 = "portal.views.server_error"
