from django.urls import include, path

from staff import views
from subsidies import urls as subsidy_urls

app_name = "staff"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("", include(subsidy_urls.staff_patterns)),
]
