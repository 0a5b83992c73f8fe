"""The stadsdelen and gebieden of the gebiedsindeling 2022, with the city's codes.

Wijken are loaded for Noord so far; other stadsdelen follow from the city's open data.
"""

import datetime

from django.db import migrations

INDELING_2022 = datetime.date(2022, 3, 24)

STADSDELEN = [
    # code, slug, name, gebieden (code, slug, name)
    ("A", "centrum", "Centrum", [
        ("DX01", "centrum-west", "Centrum-West"),
        ("DX02", "centrum-oost", "Centrum-Oost"),
    ]),
    ("E", "west", "West", [
        ("DX03", "westerpark", "Westerpark"),
        ("DX04", "bos-en-lommer", "Bos en Lommer"),
        ("DX05", "oud-west-de-baarsjes", "Oud-West, De Baarsjes"),
    ]),
    ("F", "nieuw-west", "Nieuw-West", [
        ("DX06", "geuzenveld-slotermeer", "Geuzenveld, Slotermeer"),
        ("DX07", "osdorp", "Osdorp"),
        ("DX08", "de-aker-sloten-nieuw-sloten", "De Aker, Sloten, Nieuw-Sloten"),
        ("DX09", "slotervaart", "Slotervaart"),
    ]),
    ("K", "zuid", "Zuid", [
        ("DX10", "oud-zuid", "Oud-Zuid"),
        ("DX11", "buitenveldert-zuidas", "Buitenveldert, Zuidas"),
        ("DX12", "de-pijp-rivierenbuurt", "De Pijp, Rivierenbuurt"),
    ]),
    ("M", "oost", "Oost", [
        ("DX13", "oud-oost", "Oud-Oost"),
        ("DX14", "indische-buurt-oostelijk-havengebied", "Indische Buurt, Oostelijk Havengebied"),
        ("DX15", "watergraafsmeer", "Watergraafsmeer"),
        ("DX16", "ijburg-zeeburgereiland", "IJburg, Zeeburgereiland"),
    ]),
    ("N", "noord", "Noord", [
        ("DX17", "noord-west", "Noord-West"),
        ("DX18", "oud-noord", "Oud-Noord"),
        ("DX19", "noord-oost", "Noord-Oost"),
    ]),
    ("T", "zuidoost", "Zuidoost", [
        ("DX20", "bijlmer-west", "Bijlmer-West"),
        ("DX21", "bijlmer-centrum", "Bijlmer-Centrum"),
        ("DX22", "bijlmer-oost", "Bijlmer-Oost"),
        ("DX23", "gaasperdam", "Gaasperdam"),
    ]),
    ("S", "weesp", "Weesp", [
        ("DX24", "weesp-driemond", "Weesp, Driemond"),
    ]),
]

# gebied slug: [(code, slug, name, has_ontwikkelbuurt)]
WIJKEN = {
    "oud-noord": [
        ("N60", "ijplein-vogelbuurt", "IJplein, Vogelbuurt", True),
        ("N61", "volewijck", "Volewijck", True),
        ("N62", "tuindorp-buiksloot", "Tuindorp Buiksloot", False),
        ("N63", "nieuwendammerdijk-buiksloterdijk", "Nieuwendammerdijk, Buiksloterdijk", False),
        ("N64", "buiksloterham", "Buiksloterham", False),
    ],
    "noord-west": [
        ("N68", "kadoelen", "Kadoelen", False),
        ("N69", "tuindorp-oostzaan", "Tuindorp Oostzaan", True),
        ("N70", "oostzanerwerf", "Oostzanerwerf", False),
        ("N67", "banne-buiksloot", "Banne Buiksloot", True),
        ("N71", "noordelijke-ij-oevers-west", "Noordelijke IJ-oevers-West", False),
    ],
    "noord-oost": [
        ("N65", "waterlandpleinbuurt", "Waterlandpleinbuurt", True),
        ("N66", "buikslotermeer", "Buikslotermeer", True),
        ("N72", "tuindorp-nieuwendam", "Tuindorp Nieuwendam", False),
        ("N73", "nieuwendam-noord", "Nieuwendam-Noord", True),
        ("N74", "waterland", "Waterland", False),
    ],
}


def load(apps, schema_editor):
    Stadsdeel = apps.get_model("stadsdelen", "Stadsdeel")
    Gebied = apps.get_model("stadsdelen", "Gebied")
    Wijk = apps.get_model("stadsdelen", "Wijk")
    for code, slug, name, gebieden in STADSDELEN:
        valid_from = INDELING_2022 if slug == "weesp" else None
        stadsdeel = Stadsdeel.objects.create(code=code, slug=slug, name=name, valid_from=valid_from)
        for gebied_code, gebied_slug, gebied_name in gebieden:
            gebied = Gebied.objects.create(
                stadsdeel=stadsdeel,
                code=gebied_code,
                slug=gebied_slug,
                name=gebied_name,
                valid_from=INDELING_2022,
            )
            for wijk_code, wijk_slug, wijk_name, ontwikkel in WIJKEN.get(gebied_slug, []):
                Wijk.objects.create(
                    gebied=gebied,
                    code=wijk_code,
                    slug=wijk_slug,
                    name=wijk_name,
                    has_ontwikkelbuurt=ontwikkel,
                )


def unload(apps, schema_editor):
    for model in ("Wijk", "Gebied", "Stadsdeel"):
        apps.get_model("stadsdelen", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("stadsdelen", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
