"""The search columns of activities follow the names they copy (Activity.refresh_search_text).

An activity's `search_text` holds its themes', doelgroepen's, organisation's and location's names,
so renaming one of those (in the admin, or anywhere through save()) rebuilds the search columns of
the activities that show it, in the same transaction. A save that keeps the name costs one query.
"""

from django.db.models.signals import post_save, pre_save

from activities.models import Activity, Doelgroep, Location, Theme
from organisations.models import Organisation

# Model -> how to find the activities that show its name.
NAMED = {
    Theme: "themes",
    Doelgroep: "doelgroepen",
    Organisation: "organisation",
    Location: "location",
}


def remember_name(sender, instance, raw=False, **kwargs):
    if not raw and instance.pk is not None:
        instance._name_before_save = sender._base_manager.filter(pk=instance.pk).values_list("name", flat=True).first()


def refresh_search_text(sender, instance, created, raw=False, **kwargs):
    if not created and not raw and getattr(instance, "_name_before_save", instance.name) != instance.name:
        Activity.objects.filter(**{NAMED[sender]: instance}).refresh_search_text()


for model in NAMED:
    pre_save.connect(remember_name, sender=model, dispatch_uid=f"search-name-{model._meta.label}")
    post_save.connect(refresh_search_text, sender=model, dispatch_uid=f"search-text-{model._meta.label}")
