from django.urls import path

from activities import views

app_name = "activities"

urlpatterns = [
    path("activiteiten/", views.activity_list, name="list"),
    path("activiteiten/afdrukken/", views.activity_print, name="print"),
    path("activiteiten/<slug:slug>.ics", views.activity_ics, name="ics"),
    path("activiteiten/<slug:slug>/", views.activity_detail, name="detail"),
    path("api/activiteiten.json", views.activity_export, name="export"),
    path("reactie/", views.feedback, name="feedback"),
]
