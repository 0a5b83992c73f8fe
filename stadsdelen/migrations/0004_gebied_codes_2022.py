"""The gebieden get the city's 2022 codes (GA01 … GS25) in place of the made-up DX codes, and
Sloterdijk Nieuw-West, which was missing, is added.

Codes change on the same rows, so every link (locations, staff roles, rondes, planned activities)
and every slug stays. The mapping is frozen here; later changes come from the city's files
through `manage.py import_gebieden`.
"""

import datetime

from django.db import migrations

INDELING_2022 = datetime.date(2022, 3, 24)

# gebied slug: (old code, 2022 code)
CODES = {
    "centrum-west": ("DX01", "GA01"),
    "centrum-oost": ("DX02", "GA02"),
    "westerpark": ("DX03", "GE03"),
    "bos-en-lommer": ("DX04", "GE04"),
    "oud-west-de-baarsjes": ("DX05", "GE05"),
    "geuzenveld-slotermeer": ("DX06", "GF07"),
    "osdorp": ("DX07", "GF08"),
    "de-aker-sloten-nieuw-sloten": ("DX08", "GF09"),
    "slotervaart": ("DX09", "GF10"),
    "oud-zuid": ("DX10", "GK11"),
    "buitenveldert-zuidas": ("DX11", "GK12"),
    "de-pijp-rivierenbuurt": ("DX12", "GK13"),
    "oud-oost": ("DX13", "GM14"),
    "indische-buurt-oostelijk-havengebied": ("DX14", "GM15"),
    "watergraafsmeer": ("DX15", "GM16"),
    "ijburg-zeeburgereiland": ("DX16", "GM17"),
    "noord-west": ("DX17", "GN18"),
    "oud-noord": ("DX18", "GN19"),
    "noord-oost": ("DX19", "GN20"),
    "bijlmer-west": ("DX20", "GT21"),
    "bijlmer-centrum": ("DX21", "GT22"),
    "bijlmer-oost": ("DX22", "GT23"),
    "gaasperdam": ("DX23", "GT24"),
    "weesp-driemond": ("DX24", "GS25"),
}
SLOTERDIJK = ("GF06", "sloterdijk-nieuw-west", "Sloterdijk Nieuw-West", "F")


def _recode(apps, old, new):
    Gebied = apps.get_model("stadsdelen", "Gebied")
    for slug, codes in CODES.items():
        Gebied.objects.filter(slug=slug, code=codes[old]).update(code=codes[new])


def forwards(apps, schema_editor):
    _recode(apps, 0, 1)
    code, slug, name, stadsdeel = SLOTERDIJK
    Gebied = apps.get_model("stadsdelen", "Gebied")
    Stadsdeel = apps.get_model("stadsdelen", "Stadsdeel")
    if not Gebied.objects.filter(code=code).exists():
        Gebied.objects.create(
            stadsdeel=Stadsdeel.objects.get(code=stadsdeel),
            code=code,
            slug=slug,
            name=name,
            valid_from=INDELING_2022,
        )


def backwards(apps, schema_editor):
    apps.get_model("stadsdelen", "Gebied").objects.filter(code=SLOTERDIJK[0]).delete()
    _recode(apps, 1, 0)


class Migration(migrations.Migration):
    dependencies = [("stadsdelen", "0003_buurt_and_wijk_validity")]
    operations = [migrations.RunPython(forwards, backwards)]
