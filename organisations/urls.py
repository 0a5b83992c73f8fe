from django.urls import path

from organisations import views

# Included by portal.organisation_urls, which composes the whole area under /organisatie/.
urlpatterns = [
    path("<int:org_id>/collegas/", views.colleagues, name="colleagues"),
    path("<int:org_id>/logboek/", views.audit_log, name="audit-log"),
]
