from django.contrib import admin

from subsidies.models import (
    Aanvraag,
    Besluit,
    Condition,
    ConditionVersion,
    Indicator,
    IndicatorFigure,
    MonitorNote,
    Regeling,
    Ronde,
    StatusChange,
    Track,
)
from subsidies.obligations import obligations_reschedule


class TrackInline(admin.TabularInline):
    model = Track
    extra = 0


@admin.register(Regeling)
class RegelingAdmin(admin.ModelAdmin):
    list_display = ["name", "decision_weeks"]
    inlines = [TrackInline]


class ConditionVersionInline(admin.TabularInline):
    model = ConditionVersion
    extra = 0
    readonly_fields = ["number", "title", "description", "created_at"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Condition)
class ConditionAdmin(admin.ModelAdmin):
    list_display = ["title", "group", "regeling", "applies_to_short_form", "is_active", "order"]
    list_filter = ["regeling", "group", "is_active"]
    inlines = [ConditionVersionInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # New words make a new version; assessments keep the version they were made against.
        obj.current_version()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Ronde)
class RondeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "opens_on", "closes_on", "plafond_cents"]
    list_filter = ["regeling", "stadsdeel"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # New report dates move the reports still to come; submitted ones keep theirs.
        obligations_reschedule(ronde=obj)


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    can_delete = False
    readonly_fields = ["from_status", "to_status", "actor", "reason", "created_at"]

    def has_add_permission(self, request, obj=None):
        return False


class LookUpOnly:
    """For looking things up: these move only through the services (the staff screens)."""

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(Aanvraag)
class AanvraagAdmin(LookUpOnly, admin.ModelAdmin):
    list_display = ["dossiernummer", "organisation", "ronde", "track", "status", "requested_cents"]
    list_filter = ["status", "track", "ronde__stadsdeel"]
    search_fields = ["dossiernummer", "projectnaam", "organisation__name"]
    inlines = [StatusChangeInline]


@admin.register(Besluit)
class BesluitAdmin(LookUpOnly, admin.ModelAdmin):
    list_display = ["aanvraag", "outcome", "amount_cents", "besluitdatum", "decided_by"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "unit", "bouwsteen", "source", "baseline_value", "target_value", "is_active"]
    list_filter = ["source", "is_active"]


@admin.register(IndicatorFigure)
class IndicatorFigureAdmin(admin.ModelAdmin):
    list_display = ["indicator", "stadsdeel", "year", "value", "source"]
    readonly_fields = ["entered_by"]

    def save_model(self, request, obj, form, change):
        obj.entered_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(MonitorNote)
class MonitorNoteAdmin(admin.ModelAdmin):
    list_display = ["created_at", "view", "stadsdeel", "author"]
