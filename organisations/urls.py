from django.urls import path

from organisations import views

app_name = "organisations"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("<int:org_id>/", views.organisation_detail, name="organisation"),
    path("<int:org_id>/activiteiten/nieuw/", views.activity_new, name="activity-new"),
    path("<int:org_id>/collegas/", views.colleagues, name="colleagues"),
    path("<int:org_id>/logboek/", views.audit_log, name="audit-log"),
    path("activiteiten/<int:pk>/", views.activity_edit, name="activity-edit"),
    path("activiteiten/<int:pk>/voorbeeld/", views.activity_preview, name="activity-preview"),
    path("activiteiten/<int:pk>/status/", views.activity_status, name="activity-status"),
    path("activiteiten/<int:pk>/kopieren/", views.activity_copy, name="activity-copy"),
    path("activiteiten/<int:pk>/klopt-nog/", views.activity_still_correct, name="activity-verify"),
]
