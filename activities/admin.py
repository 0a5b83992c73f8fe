from urllib.parse import urlencode

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from activities.models import (
    Activity,
    Bouwsteen,
    Doelgroep,
    Location,
    ScheduleSlot,
    SchoolHoliday,
    SearchFeedback,
    Synonym,
    Theme,
    ZeroResultQuery,
)


@admin.register(Bouwsteen)
class BouwsteenAdmin(admin.ModelAdmin):
    list_display = ["name", "resident_name", "slug", "order"]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]


@admin.register(Doelgroep)
class DoelgroepAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "is_public", "order"]


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "street", "postcode", "gebied", "organisation", "wheelchair_accessible"]
    autocomplete_fields = ["organisation"]
    list_filter = ["gebied__stadsdeel"]
    search_fields = ["name", "street", "postcode"]


class ScheduleInline(admin.StackedInline):
    model = ScheduleSlot
    extra = 0


@admin.register(SchoolHoliday)
class SchoolHolidayAdmin(admin.ModelAdmin):
    """Regio Noord's school holidays (rijksoverheid.nl, "Schoolvakanties"): add next school year's here."""

    list_display = ["name", "first_day", "last_day"]
    date_hierarchy = "first_day"


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "status", "last_verified"]
    list_filter = ["status", "bouwsteen", "location__gebied__stadsdeel"]
    search_fields = ["title", "slug", "organisation__name"]
    autocomplete_fields = ["organisation", "location"]
    filter_horizontal = ["themes", "doelgroepen"]
    inlines = [ScheduleInline]
    list_select_related = ["organisation"]


@admin.register(SearchFeedback)
class SearchFeedbackAdmin(admin.ModelAdmin):
    list_display = ["created_at", "found", "query_string", "comment"]
    list_filter = ["found"]
    readonly_fields = ["found", "comment", "query_string", "activity", "created_at"]


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    list_display = ["words", "filter", "updated_at"]
    list_filter = ["filter"]
    search_fields = ["words"]


@admin.register(ZeroResultQuery)
class ZeroResultQueryAdmin(admin.ModelAdmin):
    """The searches that found nothing, most frequent first per month; a synonym is one click away."""

    list_display = ["query", "month", "count", "add_synonym"]
    list_filter = ["month"]
    search_fields = ["query"]
    readonly_fields = ["query", "month", "count"]
    date_hierarchy = "month"

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("synoniem"))
    def add_synonym(self, obj):
        url = reverse("admin:activities_synonym_add") + "?" + urlencode({"words": f"{obj.query}, "})
        return format_html('<a href="{}">{}</a>', url, _("Maak een synoniem"))
