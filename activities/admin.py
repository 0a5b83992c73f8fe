from django.contrib import admin

from activities.models import (
    Activity,
    Bouwsteen,
    Doelgroep,
    Location,
    ScheduleSlot,
    SearchFeedback,
    Theme,
)


@admin.register(Bouwsteen)
class BouwsteenAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]


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


class ScheduleInline(admin.TabularInline):
    model = ScheduleSlot
    extra = 0


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
