import datetime

import factory

from activities.models import Activity, Bouwsteen, Doelgroep, Location, ScheduleSlot, Theme
from organisations.models import Organisation
from stadsdelen.models import Gebied


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Buurtorganisatie {n}")
    kvk = factory.Sequence(lambda n: f"{10000000 + n}")
    kind = Organisation.Kind.WELFARE


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    class Params:
        gebied_slug = "oud-noord"

    organisation = None
    name = factory.Sequence(lambda n: f"Buurthuis {n}")
    street = "Meeuwenlaan 1"
    postcode = "1021 AA"
    gebied = factory.LazyAttribute(lambda o: Gebied.objects.get(slug=o.gebied_slug))
    lat = "52.389000"
    lon = "4.912000"
    wheelchair_accessible = False


class ActivityFactory(factory.django.DjangoModelFactory):
    """A published activity. Pass themes=[slug…], doelgroepen=[slug…], schedule=[("di", "10:00", "12:00")];
    a schedule row may add a dict of ScheduleSlot fields: ("di", "10:00", "12:00", {"interval": 2, …}),
    and a row of single dates has no day: (None, "10:00", "12:00", {"frequency": "dates", "dates": […]})."""

    class Meta:
        model = Activity
        skip_postgeneration_save = True

    class Params:
        bouwsteen_slug = "verbondenheid"

    slug = factory.Sequence(lambda n: f"activiteit-{n}")
    title = factory.Sequence(lambda n: f"Activiteit {n}")
    summary = "Een korte samenvatting."
    description = ""
    organisation = factory.SubFactory(OrganisationFactory)
    location = factory.SubFactory(LocationFactory, organisation=factory.SelfAttribute("..organisation"))
    bouwsteen = factory.LazyAttribute(lambda o: Bouwsteen.objects.get(slug=o.bouwsteen_slug))
    status = Activity.Status.PUBLISHED
    free = True
    last_verified = datetime.date(2026, 10, 1)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(Theme.objects.filter(slug__in=extracted))

    @factory.post_generation
    def doelgroepen(self, create, extracted, **kwargs):
        if extracted:
            self.doelgroepen.set(Doelgroep.objects.filter(slug__in=extracted))

    @factory.post_generation
    def schedule(self, create, extracted, **kwargs):
        from activities.models import DAY_SLUGS

        for day, start, end, *more in extracted or []:
            ScheduleSlot.objects.create(
                activity=self,
                day=DAY_SLUGS.index(day) if day else None,
                start=datetime.time.fromisoformat(start),
                end=datetime.time.fromisoformat(end),
                **(more[0] if more else {}),
            )
        self.refresh_search_text()
