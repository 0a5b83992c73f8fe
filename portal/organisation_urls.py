"""The organisation area, /organisatie/: its home pages here, the screens from the apps that own them."""

from django.urls import include, path

from activities import views as activity_views
from portal import views
from subsidies import urls as subsidy_urls

app_name = "organisations"

urlpatterns = [
    path("", views.organisation_dashboard, name="dashboard"),
    path("<int:org_id>/", views.organisation_home, name="organisation"),
    path("<int:org_id>/activiteiten/nieuw/", activity_views.activity_new, name="activity-new"),
    path("activiteiten/<int:pk>/", activity_views.activity_edit, name="activity-edit"),
    path("activiteiten/<int:pk>/voorbeeld/", activity_views.activity_preview, name="activity-preview"),
    path("activiteiten/<int:pk>/status/", activity_views.activity_status, name="activity-status"),
    path("activiteiten/<int:pk>/kopieren/", activity_views.activity_copy, name="activity-copy"),
    path("<int:org_id>/locaties/", activity_views.location_list, name="location-list"),
    path("<int:org_id>/locaties/nieuw/", activity_views.location_new, name="location-new"),
    path("locaties/<int:pk>/", activity_views.location_edit, name="location-edit"),
    path("locaties/<int:pk>/verwijderen/", activity_views.location_remove, name="location-delete"),
    path("<int:org_id>/klopt-nog/", activity_views.activities_still_correct, name="activities-verify"),
    path("", include("organisations.urls")),
    path("", include(subsidy_urls.organisation_patterns)),
]
