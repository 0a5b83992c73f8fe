"""Synonyms residents use, kept by staff, and the searches that found nothing.

A change to the synonyms changes what every search finds, so it moves the catalogue's version on
(the triggers of 0005 and 0012), like a renamed theme: no cached search keeps the old meaning.
"""

from django.db import migrations, models

# Everyday words for the catalogue's terms, as a resident in Amsterdam types them.
SYNONYMS = [
    ("senioren, ouderen, oudere, 55-plus, 55-plussers, 65-plus, 65-plussers, bejaarden, opa, oma", ""),
    ("wandelgroep, wandelclub, wandelen, wandeling, lopen", ""),
    ("lotgenoten, lotgenotengroep, praatgroep, steungroep, gespreksgroep", ""),
    ("schulden, geldzorgen, geldproblemen, geldzaken, schuldhulp, rood staan, budget", ""),
    ("eenzaam, eenzaamheid, ontmoeting, ontmoeten, gezelschap, mensen leren kennen", ""),
    ("taalles, taalcafé, Nederlands leren, Nederlandse les, taalmaatje, inburgering", ""),
    ("sporten, sport, bewegen, gym, fitness", ""),
    ("computerles, computerhulp, computer, laptop, tablet, internet, digitale hulp", ""),
    ("klusjes, klussen, klushulp, klussendienst", ""),
    ("repareren, repair café, kapot, reparatie", ""),
    ("formulieren, papieren, brieven, post, toeslagen, belastingaangifte", ""),
    ("mantelzorger, mantelzorg, mantelzorgcafé, naaste", ""),
    ("homo, lesbisch, lhbtiq, regenboog, queer, transgender", ""),
    ("eten, samen eten, maaltijd, koken, diner", ""),
    ("werk zoeken, werk, baan, sollicitatie, solliciteren, vacature, cv", ""),
    ("huiswerk, bijles, huiswerkbegeleiding, huiswerkhulp", ""),
    ("kinderen, kind, kids, zoon, dochter", ""),
    ("peuter, baby, dreumes, ouder-en-kindochtend", ""),
    ("jongeren, tieners, pubers, jeugd", ""),
    ("zingen, koor, zangkoor, muziek", ""),
    ("tekenen, schilderen, kunst, creatief, knutselen", ""),
    ("voetbal, voetballen", ""),
    ("tuinieren, moestuin, tuin, groente", ""),
    ("boodschappen, boodschappenhulp, winkelen", ""),
    ("voorlezen, lezen, boeken", ""),
    ("dementie, alzheimer, geheugen", ""),
    ("diabetes, suikerziekte", ""),
    ("gratis, kosteloos, niks betalen, geen kosten", "gratis"),
    ("rolstoel, rolstoeltoegankelijk, rollator", "toegankelijk"),
    ("vrijwilliger worden, vrijwilligersvacature", "vrijwilligers"),
]

TABLE = "activities_synonym"
TRIGGERS = [
    f"CREATE TRIGGER catalogue_touched AFTER INSERT OR UPDATE OR DELETE ON {TABLE}"
    " FOR EACH STATEMENT EXECUTE FUNCTION activities_catalogue_touched()",
    f"CREATE CONSTRAINT TRIGGER catalogue_commit AFTER INSERT OR UPDATE OR DELETE ON {TABLE}"
    " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION activities_catalogue_commit()",
    f"CREATE TRIGGER catalogue_truncated AFTER TRUNCATE ON {TABLE}"
    " FOR EACH STATEMENT EXECUTE FUNCTION activities_catalogue_truncated()",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in TRIGGERS:
            schema_editor.execute(statement)
    Synonym = apps.get_model("activities", "Synonym")
    Synonym.objects.bulk_create(Synonym(words=words, filter=filter_) for words, filter_ in SYNONYMS)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for trigger in ["catalogue_truncated", "catalogue_commit", "catalogue_touched"]:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {TABLE}")


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0012_catalogue_changes"),
    ]

    operations = [
        migrations.CreateModel(
            name="Synonym",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "words",
                    models.TextField(
                        help_text="Woorden of korte zinnen die hetzelfde betekenen, met een komma ertussen. Bijvoorbeeld: senioren, ouderen, 55-plus",
                        verbose_name="woorden",
                    ),
                ),
                (
                    "filter",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("gratis", "Gratis"),
                            ("toegankelijk", "Toegankelijk met rolstoel"),
                            ("vrijwilligers", "Vrijwilligers gezocht"),
                        ],
                        help_text="Leeg laten als deze woorden geen filter zijn.",
                        max_length=16,
                        verbose_name="zet dit filter aan",
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True)),
            ],
            options={
                "verbose_name": "synoniem",
                "verbose_name_plural": "synoniemen",
                "ordering": ["words"],
            },
        ),
        migrations.CreateModel(
            name="ZeroResultQuery",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("query", models.CharField(max_length=200, verbose_name="zoekwoorden")),
                ("month", models.DateField(verbose_name="maand")),
                ("count", models.PositiveIntegerField(default=0, verbose_name="aantal keer")),
            ],
            options={
                "verbose_name": "zoekopdracht zonder resultaat",
                "verbose_name_plural": "zoekopdrachten zonder resultaat",
                "ordering": ["-month", "-count", "query"],
                "constraints": [models.UniqueConstraint(fields=("query", "month"), name="zero_result_query_month")],
            },
        ),
        migrations.RunPython(forward, backward),
    ]
