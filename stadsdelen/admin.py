from django.contrib import admin

from stadsdelen.models import Buurt, Gebied, Stadsdeel, Wijk


@admin.register(Stadsdeel)
class StadsdeelAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "slug", "valid_from", "valid_until"]


@admin.register(Gebied)
class GebiedAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "stadsdeel", "valid_until"]
    list_filter = ["stadsdeel"]


@admin.register(Wijk)
class WijkAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "gebied", "has_ontwikkelbuurt", "valid_until"]
    list_filter = ["gebied__stadsdeel", "has_ontwikkelbuurt"]
    search_fields = ["name", "code"]


@admin.register(Buurt)
class BuurtAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "wijk", "is_ontwikkelbuurt", "valid_until"]
    list_filter = ["wijk__gebied__stadsdeel", "is_ontwikkelbuurt"]
    search_fields = ["name", "code"]
