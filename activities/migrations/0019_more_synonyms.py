"""More everyday words residents type for what the catalogue offers (issue 12: "everyday word for the
catalogue's term"). Staff keep them in the admin (*Synoniemen*); a group already there is left as it is.
"""

from django.db import migrations

SYNONYMS = [
    # "… voor mijn vader": most often an older parent; the word after "mijn" weighs less (activities.search).
    ('ouderen, vader, moeder, schoonvader, schoonmoeder', ''),
    ('hulp bij geld, geldhulp, financiële hulp, armoede, rondkomen, schuldhulpverlening, budgetcoach, thuisadministratie, administratie', ''),
    ('inloop, inloopochtend, inloopmiddag, vrije inloop, buurtkamer, huiskamer', ''),
    ('koffie, koffieochtend, kopje koffie, praatje, kletsen', ''),
    ('spelletjes, spellen, kaarten, kaartclub, bridge, klaverjassen, bingo, sjoelen, dammen, schaken, schaakclub', ''),
    ('handwerken, naaien, naailes, naaiatelier, breien, haken', ''),
    ('dansen, dans, dansles, zumba, line dance', ''),
    ('yoga, stoelyoga, meditatie, ontspanning, mindfulness', ''),
    ('gymnastiek, ouderengym, beweegles, bewegen voor ouderen, stoelgym', ''),
    ('fietsles, fietsen leren, fietsen', ''),
    ('zwemmen, zwemles', ''),
    ('opvoeding, opvoedingsvragen, opvoedondersteuning, ouderschap', ''),
    ('nieuwkomers, statushouders, vluchtelingen, asielzoekers, migranten, expats', ''),
    ('psychisch, mentale gezondheid, somber, depressie, stress, burn-out, ggz, angst', ''),
    ('verslaving, alcohol, drugs, gokken', ''),
    ('rouw, rouwverwerking, verlies, overlijden, rouwgroep', ''),
    ('buurtbemiddeling, burenruzie, ruzie met de buren, overlast, geluidsoverlast', ''),
    ('wonen, woning, huur, huurwoning, huisvesting, huurteam, huurtoeslag', ''),
    ('energie, energierekening, energiecoach, energie besparen, energiearmoede', ''),
    ('kleding, kleren, kledingbank, tweedehands, weggeefwinkel, ruilwinkel', ''),
    ('voedselbank, voedsel, eten ophalen, voedselpakket', ''),
    ('smartphone, telefoon, mobiel, digid, whatsapp, apps, computerles', ''),
    ('lezen en schrijven, laaggeletterd, alfabetisering, taalles, leren lezen', ''),
    ('natuur, groen, park, buiten, natuurwandeling', ''),
    ('jongerenwerk, jongerencentrum, jongeren, tieners, meidenclub, jongensclub', ''),
    ('vrouwen, vrouwengroep, vrouwencafé, vrouwenclub', ''),
    ('mannen, mannengroep, mannencafé', ''),
    ('kookles, koken, kookcafé, samen koken', ''),
    ('hulp thuis, huishoudelijke hulp, hulp in huis, boodschappen doen', ''),
    ('vervoer, rijden, vervoersdienst, buurtbus, chauffeur', ''),
]


def forward(apps, schema_editor):
    Synonym = apps.get_model("activities", "Synonym")
    present = set(Synonym.objects.values_list("words", flat=True))
    Synonym.objects.bulk_create(
        Synonym(words=words, filter=filter_) for words, filter_ in SYNONYMS if words not in present
    )


def backward(apps, schema_editor):
    Synonym = apps.get_model("activities", "Synonym")
    Synonym.objects.filter(words__in=[words for words, _filter in SYNONYMS]).delete()


class Migration(migrations.Migration):
    dependencies = [("activities", "0018_school_holidays")]

    operations = [migrations.RunPython(forward, backward)]
