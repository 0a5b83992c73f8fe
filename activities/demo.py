"""A believable demo catalogue: varied Dutch titles and texts over every gebied, each at an address in its
own gebied, fast enough for 50,000 rows."""

import datetime
import random
import zlib
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from activities import search
from activities.demo_places import GEBIED_PLACES
from activities.models import Activity, Bouwsteen, Doelgroep, Location, Organisation, ScheduleSlot, Theme
from stadsdelen.models import Gebied


@dataclass(frozen=True)
class Template:
    """One kind of activity. A title may name the venue (`{venue}`: "De Meeuw", "Javaplein")."""

    titles: tuple
    summaries: tuple
    bouwsteen: str
    themes: tuple
    doelgroepen: tuple
    free: bool = True
    cost: str = ""
    registration: bool = False
    slots: tuple = ()  # (day 0-6, start, end)
    volunteers: str = ""


# The first CORE templates are the core offer (walking, language, forms): their titles start with
# the word a resident looks for first.
TEMPLATES = [
    Template(
        ("Wandelclub {venue}", "Wandelclub De Stappers", "Wandelclub Samen Op Pad", "Wandelclub voor buren"),
        (
            "Samen een uur wandelen door de buurt. Daarna drinken we koffie.",
            "Een rustig rondje door het park met een vaste groep. Stevige schoenen aan, meer hoeft niet.",
            "We lopen samen in ons eigen tempo. Wie wil, praat onderweg bij.",
        ),
        "verbondenheid",
        ("gezondheid-en-bewegen", "ontmoeting", "eenzaamheid"),
        ("alle-amsterdammers", "ouderen"),
        slots=((1, "10:00", "11:30"),),
        volunteers="Wij zoeken een vrijwilliger die de wandeling wil leiden.",
    ),
    Template(
        ("Taalcafé {venue}", "Taalcafé Praat Mee", "Taalcafé Nederlands oefenen", "Taalcafé Spreektaal"),
        (
            "Oefen Nederlands met een taalmaatje, bij een kop koffie of thee.",
            "Praat Nederlands in een kleine groep. Fouten maken mag, daar leer je van.",
            "Een gesprek over het nieuws, je buurt of je werk. Zo wordt je Nederlands steeds beter.",
        ),
        "zelfredzaamheid",
        ("taal", "ontmoeting"),
        ("nieuwkomers", "laaggeletterden", "alle-amsterdammers"),
        slots=((1, "10:00", "12:00"), (3, "19:00", "21:00")),
        volunteers="Taalmaatjes: praat een uur per week mee.",
    ),
    Template(
        ("Formulierencafé {venue}", "Formulierencafé: hulp bij je post", "Formulierencafé Brievenhulp"),
        (
            "Hulp bij brieven, formulieren en toeslagen. Neem je post mee.",
            "Snap je een brief van de gemeente of de Belastingdienst niet? Wij lezen mee en helpen je verder.",
            "Vrijwilligers helpen met formulieren, toeslagen en DigiD. Je hoeft geen afspraak te maken.",
        ),
        "zelfredzaamheid",
        ("administratie", "geldzaken-en-schulden"),
        ("mensen-met-weinig-geld", "alle-amsterdammers"),
        slots=((0, "13:00", "16:00"),),
    ),
    Template(
        ("Spreekuur geldzaken {venue}", "Spreekuur geldzaken", "Geldcoach: spreekuur geldzaken"),
        (
            "Heb je schulden of zorgen over geld? Praat met een geldcoach.",
            "Een geldcoach kijkt samen met jou naar je rekeningen en schulden. Wat je vertelt, blijft tussen ons.",
        ),
        "zelfredzaamheid",
        ("geldzaken-en-schulden",),
        ("mensen-met-weinig-geld", "volwassenen"),
        registration=True,
    ),
    Template(
        ("Computerhulp voor 55-plussers", "Computerhulp {venue}", "Computerhulp: leer je tablet kennen"),
        (
            "Leer mailen, videobellen en DigiD gebruiken, in je eigen tempo.",
            "Vragen over je telefoon, tablet of laptop? Een vrijwilliger legt het rustig uit.",
        ),
        "zelfredzaamheid",
        ("digitale-vaardigheden",),
        ("ouderen", "laaggeletterden"),
        registration=True,
        slots=((2, "10:00", "12:00"),),
        volunteers="Help ouderen met hun telefoon of laptop.",
    ),
    Template(
        ("Koffieochtend {venue}", "Koffieochtend voor de hele straat", "Koffieochtend Even Bijpraten"),
        (
            "Gezellig koffie drinken en buren leren kennen. Iedereen is welkom.",
            "Loop binnen voor een kop koffie en een praatje. Er is altijd iemand om mee te kletsen.",
        ),
        "verbondenheid",
        ("ontmoeting", "eenzaamheid"),
        ("alle-amsterdammers",),
        slots=((4, "10:00", "12:00"),),
    ),
    Template(
        ("Buurtmaaltijd {venue}", "Buurtmaaltijd Aan Tafel", "Buurtmaaltijd Schuif Aan"),
        (
            "Samen koken en eten met buren. Een warme maaltijd voor weinig geld.",
            "Schuif aan bij een verse maaltijd met drie gangen. Vrijwilligers koken, jij geniet.",
        ),
        "verbondenheid",
        ("ontmoeting", "eenzaamheid"),
        ("alle-amsterdammers", "mensen-met-weinig-geld"),
        free=False,
        cost="€ 3,50 per maaltijd",
        registration=True,
        slots=((3, "17:30", "19:30"),),
        volunteers="Kook je graag? Kook eens mee voor de buurt.",
    ),
    Template(
        ("Maatjesproject {venue}", "Maatjesproject Samen Op Weg", "Maatjesproject voor ouderen"),
        (
            "Een vaste vrijwilliger die met je wandelt, praat of mee gaat naar een afspraak.",
            "Wij koppelen je aan een maatje uit de buurt, voor een wandeling, een spelletje of een kop thee.",
        ),
        "samenredzaamheid",
        ("eenzaamheid", "vrijwilligerswerk"),
        ("ouderen", "mensen-met-een-beperking"),
        registration=True,
        volunteers="Word maatje: een paar uur per week voor iemand in je buurt.",
    ),
    Template(
        ("Mantelzorgcafé {venue}", "Mantelzorgcafé Even Op Adem", "Mantelzorgcafé: tijd voor jezelf"),
        (
            "Zorg je voor een naaste? Praat met andere mantelzorgers en krijg tips.",
            "Even niet zorgen, maar zelf verzorgd worden. Met lotgenoten en een mantelzorgconsulent.",
        ),
        "samenredzaamheid",
        ("mantelzorg", "ontmoeting"),
        ("mantelzorgers",),
        slots=((2, "14:00", "16:00"),),
    ),
    Template(
        ("Jongerenwerk inloop {venue}", "Jongerenwerk: de Huiskamer", "Jongerenwerk inloopavond"),
        (
            "Chillen, gamen en praten met jongerenwerkers. Hulp bij school of werk.",
            "Een plek om te chillen na school. De jongerenwerkers denken mee over stage en bijbaan.",
        ),
        "zelfredzaamheid",
        ("opvoeden-en-opgroeien", "sport"),
        ("jongeren",),
        slots=((2, "15:00", "18:00"), (4, "19:00", "22:00")),
    ),
    Template(
        ("Huiswerkbegeleiding {venue}", "Huiswerkbegeleiding groep 6 tot 8", "Huiswerkbegeleiding Slim Start"),
        (
            "Hulp bij huiswerk voor kinderen van de basisschool.",
            "Kinderen maken hun huiswerk samen met een vrijwilliger. Er is limonade en fruit.",
        ),
        "zelfredzaamheid",
        ("opvoeden-en-opgroeien", "taal"),
        ("kinderen",),
        registration=True,
        slots=((0, "15:30", "17:00"), (3, "15:30", "17:00")),
        volunteers="Help kinderen met lezen en rekenen.",
    ),
    Template(
        ("Ouder-en-kindochtend {venue}", "Ouder-en-kindochtend Dreumesdans", "Peuterochtend {venue}"),
        (
            "Spelen met je kindje en andere ouders ontmoeten.",
            "Zingen, spelen en knutselen met je peuter. Er is koffie voor de ouders.",
        ),
        "verbondenheid",
        ("opvoeden-en-opgroeien", "ontmoeting"),
        ("jonge-kinderen-en-ouders",),
        slots=((1, "09:30", "11:30"),),
    ),
    Template(
        ("Stoelyoga voor ouderen", "Stoelyoga {venue}", "Stoelyoga: rustig in beweging"),
        (
            "Rustig bewegen op een stoel. Goed voor je balans en je humeur.",
            "Rekken, strekken en ademhalen, zittend op een stoel. Je hoeft niet lenig te zijn.",
        ),
        "zelfredzaamheid",
        ("gezondheid-en-bewegen", "sport"),
        ("ouderen", "mensen-met-een-beperking"),
        free=False,
        cost="€ 2 per keer",
        slots=((3, "10:30", "11:30"),),
    ),
    Template(
        ("Repair Café {venue}", "Repair Café: weggooien? Mooi niet!", "Repair Café: samen repareren"),
        (
            "Breng je kapotte spullen mee. Samen maken we ze weer heel.",
            "Een kapotte lamp, broek of fiets? Handige buren repareren hem met je, terwijl je koffie drinkt.",
        ),
        "verbondenheid",
        ("praktische-hulp", "ontmoeting"),
        ("alle-amsterdammers",),
        slots=((5, "13:00", "16:00"),),
        volunteers="Ben je handig? Repareer mee.",
    ),
    Template(
        ("Klussendienst {venue}", "Klussendienst Handige Harry", "Klussendienst voor ouderen"),
        (
            "Een vrijwilliger helpt met kleine klussen in huis, zoals een lamp ophangen.",
            "Een gordijnrail ophangen of een kraan die lekt? Onze klussers komen bij je langs.",
        ),
        "samenredzaamheid",
        ("praktische-hulp", "vrijwilligerswerk"),
        ("ouderen", "mensen-met-een-beperking"),
        free=False,
        cost="€ 5 per klus",
        registration=True,
        volunteers="Klusvrijwilligers gezocht.",
    ),
    Template(
        ("Boodschappenhulp {venue}", "Boodschappenhulp aan huis", "Boodschappenhulp: samen naar de markt"),
        (
            "Vrijwilligers doen boodschappen voor buren die dat niet zelf kunnen.",
            "Lukt winkelen even niet? Een buurtgenoot gaat met je mee of brengt de boodschappen langs.",
        ),
        "samenredzaamheid",
        ("praktische-hulp",),
        ("ouderen", "mensen-met-een-beperking"),
        registration=True,
        volunteers="Doe een keer per week boodschappen voor een buur.",
    ),
    Template(
        ("Buurtmoestuin {venue}", "Buurtmoestuin De Groene Vingers", "Buurtmoestuin: zaaien en oogsten"),
        (
            "Samen groente kweken en oogsten. Geen ervaring nodig.",
            "Tomaten, bonen en kruiden uit eigen grond. Wie meewerkt, neemt mee naar huis.",
        ),
        "verbondenheid",
        ("ontmoeting", "gezondheid-en-bewegen"),
        ("alle-amsterdammers",),
        slots=((5, "10:00", "13:00"),),
    ),
    Template(
        ("Lotgenotengroep diabetes", "Lotgenotengroep diabetes {venue}", "Lotgenotengroep: leven met suiker"),
        (
            "Praat met anderen die diabetes hebben. Een diëtist geeft tips.",
            "Ervaringen delen over diabetes, eten en bewegen, met een verpleegkundige erbij.",
        ),
        "samenredzaamheid",
        ("gezondheid-en-bewegen",),
        ("volwassenen", "ouderen"),
        registration=True,
        slots=((0, "19:30", "21:00"),),
    ),
    Template(
        ("Voorleesochtend {venue}", "Voorleesochtend voor peuters en kleuters", "Voorleesochtend Boekenwurm"),
        (
            "Voorlezen en samen praten over het verhaal. Makkelijke boeken.",
            "Een voorlezer neemt prentenboeken mee. Daarna mag je zelf een boek lenen.",
        ),
        "zelfredzaamheid",
        ("taal", "kunst-en-cultuur"),
        ("laaggeletterden", "kinderen"),
        slots=((5, "10:30", "11:30"),),
    ),
    Template(
        ("Sollicitatiespreekuur {venue}", "Sollicitatiespreekuur Aan de Slag", "Sollicitatiespreekuur voor starters"),
        (
            "Hulp bij je cv, een brief of een gesprek. Op weg naar werk.",
            "Oefen een sollicitatiegesprek en maak je cv sterker, samen met een loopbaancoach.",
        ),
        "zelfredzaamheid",
        ("werk-en-participatie",),
        ("volwassenen", "nieuwkomers"),
        registration=True,
        slots=((1, "13:00", "15:00"),),
    ),
    Template(
        ("Regenboogsoos {venue}", "Regenboogsoos Roze Zaterdag", "Regenboogsoos voor 50-plussers"),
        (
            "Een veilige plek voor LHBTIQ+-ers om elkaar te ontmoeten.",
            "Een avond voor LHBTIQ+-ers en hun vrienden, met muziek, spelletjes en een bar.",
        ),
        "verbondenheid",
        ("ontmoeting",),
        ("lhbtiq",),
        slots=((4, "20:00", "23:00"),),
    ),
    Template(
        ("Vrijwilligerspunt {venue}", "Vrijwilligerspunt: doe iets voor je buurt"),
        (
            "Wil je iets doen voor je buurt? Wij zoeken samen vrijwilligerswerk dat bij je past.",
            "Kom langs en ontdek welk vrijwilligerswerk bij jou past, van voorlezen tot klussen.",
        ),
        "samenredzaamheid",
        ("vrijwilligerswerk", "werk-en-participatie"),
        ("vrijwilligers", "alle-amsterdammers"),
        slots=((2, "10:00", "12:00"),),
    ),
    Template(
        ("Buurtkoor {venue}", "Buurtkoor Vals maar Vrolijk", "Buurtkoor De Zingende Buren"),
        (
            "Zingen met buren. Je hoeft geen noten te lezen.",
            "Van levenslied tot popsong: wij zingen alles. Nieuwe stemmen zijn welkom.",
        ),
        "verbondenheid",
        ("kunst-en-cultuur", "ontmoeting"),
        ("alle-amsterdammers",),
        free=False,
        cost="€ 5 per maand",
        slots=((0, "19:30", "21:30"),),
    ),
    Template(
        ("Tekenclub {venue}", "Tekenclub Kleur en Lijn", "Tekenclub: schilderen met aquarel"),
        (
            "Tekenen en schilderen met een docent. Materiaal is er.",
            "Leer schetsen en schilderen naar het leven. Beginners en gevorderden door elkaar.",
        ),
        "verbondenheid",
        ("kunst-en-cultuur",),
        ("volwassenen", "ouderen"),
        free=False,
        cost="€ 2,50 per keer",
        registration=True,
        slots=((3, "14:00", "16:00"),),
    ),
    Template(
        ("Bewegen voor 55-plussers", "Bewegen op muziek {venue}", "Bewegen in het park"),
        (
            "Gym op muziek in de buurt. Rustig tempo, veel plezier.",
            "Oefeningen voor kracht en balans, in een groep met leeftijdsgenoten.",
        ),
        "zelfredzaamheid",
        ("sport", "gezondheid-en-bewegen"),
        ("ouderen",),
        free=False,
        cost="€ 15 per maand",
        slots=((1, "14:00", "15:00"), (4, "14:00", "15:00")),
    ),
    Template(
        ("Meidenvoetbal {venue}", "Meidenvoetbal op het Cruijff Court", "Meidenvoetbal: Girls United"),
        (
            "Voetbal voor meiden van 8 tot 14 jaar, op het pleintje.",
            "Trainen, partijtjes spelen en samen een team worden. Voetbalschoenen zijn niet nodig.",
        ),
        "zelfredzaamheid",
        ("sport",),
        ("kinderen", "jongeren"),
        slots=((2, "16:00", "17:30"),),
        volunteers="Trainers gezocht.",
    ),
    Template(
        ("Stadsdorp ontmoeting {venue}", "Stadsdorp: samen oud worden in de buurt", "Stadsdorp borrel"),
        (
            "Oudere buren helpen elkaar en drinken samen koffie.",
            "Leden van het stadsdorp ontmoeten elkaar, regelen samen een klus of een uitje.",
        ),
        "verbondenheid",
        ("ontmoeting", "eenzaamheid", "praktische-hulp"),
        ("ouderen",),
        slots=((0, "10:30", "12:00"),),
    ),
    Template(
        ("Naaiatelier {venue}", "Naaiatelier: zelf je kleding maken", "Naaiatelier Draad en Naald"),
        (
            "Leer naaien op een machine. Van een zoom inkorten tot een eigen jurk.",
            "Naaimachines en stoffen staan klaar. Een coupeuse helpt je op weg.",
        ),
        "zelfredzaamheid",
        ("kunst-en-cultuur", "ontmoeting"),
        ("volwassenen", "nieuwkomers"),
        free=False,
        cost="€ 2 per keer",
        slots=((2, "13:00", "15:30"),),
    ),
    Template(
        ("Schaakclub {venue}", "Schaakclub Het Paard", "Denksportmiddag: schaken en dammen"),
        (
            "Schaken of dammen tegen buurtgenoten. Borden en klokken zijn er.",
            "Een middag vol denksport. Beginners krijgen uitleg van een ervaren speler.",
        ),
        "verbondenheid",
        ("ontmoeting",),
        ("alle-amsterdammers", "ouderen"),
        slots=((3, "13:30", "16:30"),),
    ),
    Template(
        ("Fietsles voor vrouwen", "Fietsles {venue}", "Fietsles: zelf op pad"),
        (
            "Leer fietsen in een rustige omgeving, met een ervaren fietsdocent.",
            "Van evenwicht bewaren tot veilig door het verkeer. Een fiets krijg je van ons te leen.",
        ),
        "zelfredzaamheid",
        ("gezondheid-en-bewegen", "werk-en-participatie"),
        ("nieuwkomers", "volwassenen"),
        registration=True,
        slots=((5, "10:00", "11:30"),),
        volunteers="Fietsmaatjes gezocht.",
    ),
    Template(
        ("Kookclub {venue}", "Kookclub Wereldkeuken", "Kookclub: gezond en goedkoop"),
        (
            "Steeds een ander recept uit een andere keuken. Je neemt de gerechten mee naar huis.",
            "Leer gezond koken met weinig geld. De boodschappen zijn inbegrepen.",
        ),
        "verbondenheid",
        ("gezondheid-en-bewegen", "ontmoeting"),
        ("volwassenen", "mensen-met-weinig-geld"),
        free=False,
        cost="€ 2 per keer",
        registration=True,
        slots=((4, "16:00", "18:30"),),
    ),
    Template(
        ("Thuisadministratie {venue}", "Thuisadministratie: orde in je papieren", "Thuisadministratie op maat"),
        (
            "Een vrijwilliger helpt je thuis je post en rekeningen op orde te brengen.",
            "Samen maken we mappen voor je papieren en een overzicht van je vaste lasten.",
        ),
        "samenredzaamheid",
        ("administratie",),
        ("volwassenen", "ouderen"),
        registration=True,
        volunteers="Ben je goed met papieren? Help een buur met zijn administratie.",
    ),
    Template(
        ("Belastingspreekuur {venue}", "Belastingspreekuur: je aangifte samen invullen"),
        (
            "Hulp bij je belastingaangifte. Neem je DigiD en je jaaropgaven mee.",
            "Vrijwilligers vullen samen met jou de aangifte inkomstenbelasting in.",
        ),
        "zelfredzaamheid",
        ("administratie",),
        ("mensen-met-weinig-geld", "ouderen"),
        registration=True,
        slots=((1, "09:30", "12:00"),),
    ),
    Template(
        ("Inloopspreekuur buurtteam {venue}", "Buurtteam inloop", "Buurtteam: vragen over zorg en wonen"),
        (
            "Vragen over zorg, wonen of werk? Loop binnen bij het buurtteam.",
            "Een medewerker van het buurtteam luistert naar je vraag en zoekt samen met jou wat helpt.",
        ),
        "samenredzaamheid",
        ("praktische-hulp", "werk-en-participatie"),
        ("volwassenen", "alle-amsterdammers"),
        slots=((0, "09:00", "11:00"), (3, "13:00", "15:00")),
    ),
    Template(
        ("Digicafé {venue}", "Digicafé Klik en Tik", "Digicafé: veilig online"),
        (
            "Stel je vraag over internet, apps of online bankieren aan een digimaatje.",
            "Herken nepmails en oplichters aan de telefoon. Met praktische tips om veilig online te zijn.",
        ),
        "zelfredzaamheid",
        ("digitale-vaardigheden",),
        ("ouderen", "alle-amsterdammers"),
        slots=((4, "13:30", "15:30"),),
        volunteers="Digimaatjes gezocht.",
    ),
    Template(
        ("Klaverjasclub {venue}", "Klaverjasavond De Troefkaart", "Kaartmiddag: klaverjassen en bridge"),
        (
            "Klaverjassen met buurtgenoten. Een kopje koffie staat klaar.",
            "Kaarten in een gezellige zaal. Nieuwe spelers leren het spel snel.",
        ),
        "verbondenheid",
        ("ontmoeting", "eenzaamheid"),
        ("ouderen",),
        free=False,
        cost="€ 1 per avond",
        slots=((2, "19:30", "22:30"),),
    ),
    Template(
        ("Bingomiddag {venue}", "Bingomiddag met prijzen"),
        (
            "Een vrolijke middag bingo met kleine prijzen en een hapje.",
            "Een kaart kost een paar euro. Er zijn prijzen voor jong en oud.",
        ),
        "verbondenheid",
        ("ontmoeting", "eenzaamheid"),
        ("ouderen", "alle-amsterdammers"),
        free=False,
        cost="€ 3 per kaart",
        slots=((5, "14:00", "16:30"),),
    ),
    Template(
        ("Kinderatelier {venue}", "Kinderatelier Kliederkunst", "Kinderatelier: knutselen en kleien"),
        (
            "Kinderen maken kunst met klei, verf en karton. Vieze kleren zijn welkom.",
            "Steeds een nieuw knutselproject onder leiding van een kunstenaar.",
        ),
        "verbondenheid",
        ("kunst-en-cultuur", "opvoeden-en-opgroeien"),
        ("kinderen",),
        slots=((2, "14:00", "15:30"),),
    ),
    Template(
        ("Tienerclub {venue}", "Tienerclub De Chillplek", "Tienerclub Na Schooltijd"),
        (
            "Voor tieners van 10 tot 14 jaar: spelletjes, films en uitjes.",
            "Een avond met leeftijdsgenoten, pingpong en muziek. De begeleiders kennen de buurt.",
        ),
        "verbondenheid",
        ("opvoeden-en-opgroeien", "ontmoeting"),
        ("jongeren", "kinderen"),
        slots=((4, "18:30", "21:00"),),
    ),
    Template(
        ("Vrouwencafé {venue}", "Vrouwencafé Zij aan Zij", "Vrouwencafé: thee en verhalen"),
        (
            "Vrouwen uit de buurt ontmoeten elkaar, praten over opvoeding, werk en gezondheid.",
            "Een ochtend alleen voor vrouwen, met thee, verhalen en soms een gastspreker.",
        ),
        "verbondenheid",
        ("ontmoeting", "eenzaamheid"),
        ("volwassenen", "nieuwkomers"),
        slots=((1, "10:00", "12:00"),),
    ),
    Template(
        ("Boekenruil {venue}", "Boekenruil en leesclub", "Leesclub Makkelijk Lezen"),
        (
            "Neem een boek mee en ruil het voor een ander. Soms bespreken we er samen een.",
            "We lezen samen een boek in eenvoudig Nederlands en praten erover.",
        ),
        "verbondenheid",
        ("taal", "kunst-en-cultuur"),
        ("alle-amsterdammers", "laaggeletterden"),
        slots=((3, "19:30", "21:00"),),
    ),
    Template(
        ("Fotoclub {venue}", "Fotoclub Buurt in Beeld", "Fotoclub: leer fotograferen met je telefoon"),
        (
            "Maak foto's van je buurt en leer van elkaars beelden. Een telefoon is genoeg.",
            "Steeds een nieuwe opdracht, daarna bespreken we de mooiste foto's.",
        ),
        "verbondenheid",
        ("kunst-en-cultuur", "ontmoeting"),
        ("alle-amsterdammers",),
        slots=((0, "19:00", "21:00"),),
    ),
    Template(
        ("Theatergroep {venue}", "Theatergroep Het Doek", "Theaterwerkplaats voor amateurs"),
        (
            "Spelen, improviseren en een voorstelling maken over je eigen buurt.",
            "Geen ervaring nodig, wel zin om op een podium te staan.",
        ),
        "verbondenheid",
        ("kunst-en-cultuur",),
        ("volwassenen", "jongeren"),
        free=False,
        cost="€ 4 per keer",
        slots=((1, "19:30", "22:00"),),
    ),
    Template(
        ("Budgetcursus {venue}", "Budgetcursus Rondkomen", "Budgetcursus: grip op je vaste lasten"),
        (
            "Vier avonden over rondkomen: een kasboek bijhouden, besparen en slim inkopen.",
            "Leer hoe je je vaste lasten bijhoudt en aan het eind van de maand iets overhoudt.",
        ),
        "zelfredzaamheid",
        ("geldzaken-en-schulden",),
        ("mensen-met-weinig-geld", "volwassenen"),
        registration=True,
        slots=((1, "19:00", "21:00"),),
    ),
    Template(
        ("Ouderenadviseur spreekuur {venue}", "Ouderenadviseur: hulp bij wonen en zorg"),
        (
            "Vragen over wonen, zorg of vervoer als je ouder wordt? De ouderenadviseur helpt.",
            "De ouderenadviseur komt ook bij je thuis om samen te kijken wat je nodig hebt.",
        ),
        "samenredzaamheid",
        ("praktische-hulp",),
        ("ouderen", "mantelzorgers"),
        registration=True,
        slots=((3, "10:00", "12:00"),),
    ),
    Template(
        ("Burenhulp {venue}", "Burenhulpcentrale Een Handje Helpen", "Burenhulp: samen naar de dokter"),
        (
            "Buren helpen buren: met een ritje naar het ziekenhuis, de hond uitlaten of de post.",
            "Bel de burenhulp en wij zoeken een buurtgenoot die je een handje helpt.",
        ),
        "samenredzaamheid",
        ("praktische-hulp", "vrijwilligerswerk"),
        ("ouderen", "alle-amsterdammers"),
        registration=True,
        volunteers="Heb je een uurtje? Help een buur.",
    ),
    Template(
        ("Opvoedspreekuur {venue}", "Opvoedspreekuur: vragen over je kind"),
        (
            "Vragen over slapen, eten of driftbuien? Een pedagoog denkt met je mee.",
            "Een opvoedadviseur luistert en geeft tips die passen bij jouw gezin.",
        ),
        "zelfredzaamheid",
        ("opvoeden-en-opgroeien",),
        ("jonge-kinderen-en-ouders", "volwassenen"),
        registration=True,
        slots=((2, "09:00", "11:00"),),
    ),
    Template(
        ("Valpreventie: In Balans", "Cursus In Balans {venue}", "Valpreventie voor ouderen"),
        (
            "Oefeningen om vallen te voorkomen, met een fysiotherapeut.",
            "Tien lessen over sterke benen, goede schoenen en een veilig huis.",
        ),
        "zelfredzaamheid",
        ("gezondheid-en-bewegen",),
        ("ouderen",),
        free=False,
        cost="€ 10 voor de cursus",
        registration=True,
        slots=((0, "10:00", "11:00"),),
    ),
    Template(
        ("Energiecafé {venue}", "Energiecafé: lager je energierekening", "Energiespreekuur"),
        (
            "Tips om je energierekening omlaag te krijgen. Een energiecoach komt ook bij je thuis.",
            "Tochtstrips, ledlampen en een slimme thermostaat: wij laten zien wat het oplevert.",
        ),
        "zelfredzaamheid",
        ("praktische-hulp", "geldzaken-en-schulden"),
        ("alle-amsterdammers", "mensen-met-weinig-geld"),
        slots=((4, "14:00", "16:00"),),
        volunteers="Word energiecoach in je buurt.",
    ),
    Template(
        ("Straatfeest {venue}", "Burendag: tafels op straat", "Buurtpicknick in het park"),
        (
            "Iedereen neemt iets te eten mee. Er is muziek en een springkussen voor de kinderen.",
            "Lange tafels, zelfgemaakte hapjes en buren die elkaar eindelijk leren kennen.",
        ),
        "verbondenheid",
        ("ontmoeting",),
        ("alle-amsterdammers", "jonge-kinderen-en-ouders"),
        slots=((6, "13:00", "17:00"),),
        volunteers="Help mee met opbouwen en opruimen.",
    ),
    Template(
        ("Alzheimer Café {venue}", "Alzheimer Café: leven met dementie", "Geheugencafé"),
        (
            "Voor mensen met dementie en hun naasten: informatie en ontmoeting.",
            "Een gast vertelt over dementie, daarna is er tijd voor vragen.",
        ),
        "samenredzaamheid",
        ("mantelzorg", "gezondheid-en-bewegen"),
        ("mantelzorgers", "ouderen"),
        slots=((1, "19:30", "21:30"),),
    ),
    Template(
        ("Geveltuinen maken {venue}", "Groen in de straat: geveltuinen", "Plantjesmarkt en stekjesruil"),
        (
            "Samen tegels eruit en planten erin. De stadsdeelwerf levert aarde en planten.",
            "Ruil stekjes, zaden en tips. Zo wordt de straat groener.",
        ),
        "verbondenheid",
        ("ontmoeting",),
        ("alle-amsterdammers",),
        slots=((5, "11:00", "14:00"),),
    ),
    Template(
        ("Muziekles voor kinderen", "Muziekles {venue}", "Muziekles: gitaar en keyboard"),
        (
            "Kinderen leren gitaar, keyboard of drums spelen in kleine groepjes.",
            "Een muziekdocent geeft les. Instrumenten zijn er, oefenen kan ook hier.",
        ),
        "zelfredzaamheid",
        ("kunst-en-cultuur", "opvoeden-en-opgroeien"),
        ("kinderen", "jongeren"),
        free=False,
        cost="€ 5 per maand",
        registration=True,
        slots=((3, "15:30", "17:00"),),
    ),
]
CORE = 3  # the first TEMPLATES: walking, language, forms

# Venues named after their street; the others carry one of the gebied's own names (demo_places).
STREET_VENUES = ["Bibliotheek", "Speeltuin", "Sporthal"]
VENUE_KINDS = [
    "Buurthuis",
    "Huis van de Wijk",
    "Buurtcentrum",
    "Buurtkamer",
    "Wijkcentrum",
    "Ontmoetingscentrum",
    "Dienstencentrum",
    "Jongerencentrum",
]
# Organisation names by kind: {venue} one of the gebied's own names, {street} one of its streets,
# {part} a part of its name ("De Pijp"), {stadsdeel} its stadsdeel.
ORGANISATION_NAMES = {
    Organisation.Kind.WELFARE: [
        "Stichting Buurtwerk {venue}",
        "Welzijn {stadsdeel}",
        "Stichting Samen {venue}",
        "Huis van de Wijk {venue}",
    ],
    Organisation.Kind.BUURTTEAM: ["Buurtteam {part}", "Buurtteam {stadsdeel}"],
    Organisation.Kind.SPORT_CULTURE: [
        "Sportbuurtwerk {stadsdeel}",
        "Muziekschool {venue}",
        "Theater {venue}",
        "Sportvereniging {venue}",
    ],
    Organisation.Kind.STADSDORP: ["Stadsdorp {venue}", "Stadsdorp {street}"],
    Organisation.Kind.RESIDENTS: ["Bewonersgroep {street}", "Buurtinitiatief {venue}", "Bewonerscommissie {street}"],
    Organisation.Kind.VOLUNTEERS: ["Vrijwilligerscentrale {stadsdeel}", "Vrienden van {venue}"],
    Organisation.Kind.MIGRANTS: ["Stichting Nieuwe Buren {venue}", "Vrouwengroep {street}"],
}
DESCRIPTION_OPENINGS = [
    "Je bent welkom bij {location} in {gebied}.",
    "We zitten in {location}, {street}.",
    "Het is in {location} in {gebied}, goed bereikbaar met het openbaar vervoer.",
    "Je vindt ons in {location}, {street}.",
]
FORMAL_KINDS = [Organisation.Kind.WELFARE, Organisation.Kind.BUURTTEAM, Organisation.Kind.SPORT_CULTURE]
INFORMAL_KINDS = [
    Organisation.Kind.STADSDORP,
    Organisation.Kind.RESIDENTS,
    Organisation.Kind.VOLUNTEERS,
    Organisation.Kind.MIGRANTS,
]
LANGUAGES = [[], [], [], ["en"], ["ar", "en"], ["tr"], ["es", "en"], ["pt"], ["uk", "ru"]]
BATCH = 2000


def _time(value):
    return datetime.time.fromisoformat(value)


def _schedule(activity, slots, today):
    """The template's rows, run as people run them: most every week, some every other week or once a
    month (the first, second, third or last weekday), some paused in the school holidays, and a few
    activities add a series of single dates. Drawn from the slug, so the main draw stays the same."""
    roll = zlib.crc32(activity.slug.encode()) % 100
    rows = []
    for day, start, end in slots:
        row = ScheduleSlot(activity=activity, day=day, start=_time(start), end=_time(end))
        if roll < 12:
            row.interval = 2
            row.starts_on = today + datetime.timedelta(days=(day - today.weekday()) % 7 + 7 * (roll % 2))
        elif roll < 25:
            row.frequency = ScheduleSlot.Frequency.MONTHLY
            row.week_of_month = [1, 2, 3, -1][roll % 4]
        row.school_holidays = not 20 <= roll < 45
        rows.append(row)
    if slots and 45 <= roll < 50:
        saturday = today + datetime.timedelta(days=(5 - today.weekday()) % 7 + 7)
        dates = [(saturday + datetime.timedelta(weeks=3 * n)).isoformat() for n in range(3)]
        rows.append(
            ScheduleSlot(
                activity=activity,
                frequency=ScheduleSlot.Frequency.DATES,
                dates=dates,
                start=_time("13:00"),
                end=_time("16:00"),
            )
        )
    return rows


def _template_orders(gebieden):
    """Per gebied, the order in which it gets the TEMPLATES (indexes).

    The core offer comes first and rotates over the gebieden of a stadsdeel, so even a small
    catalogue has walking, language and forms in every stadsdeel; the second activity of each
    gebied is one of the other templates, rotating over the city, so a small catalogue still has
    every bouwsteen, free and paid, and activities by appointment; then the rest of the core offer,
    then the other templates in an order of the gebied's own.
    """
    others = list(range(CORE, len(TEMPLATES)))
    position, orders = {}, []
    for number, gebied in enumerate(gebieden):
        p = position[gebied.stadsdeel_id] = position.get(gebied.stadsdeel_id, -1) + 1
        core = [(p + k) % CORE for k in range(CORE)]
        rest = others[number % len(others) :] + others[: number % len(others)]
        tail = rest[1:]
        random.Random(gebied.code).shuffle(tail)
        orders.append([core[0], rest[0], *core[1:], *tail])
    return orders


def _postcode(rng, area):
    return f"{area} {rng.choice('ABCDEGHJKLMNPRST')}{rng.choice('ABCDEGHJKLMNPRSTVWXZ')}"


def _organisations(rng, gebieden, count):
    """`count` organisations, spread over the gebieden, each named after a place in its own gebied."""
    organisations, names = [], set()
    for i in range(count):
        gebied = gebieden[i % len(gebieden)]
        streets, venues, *_ = GEBIED_PLACES[gebied.slug]
        formal = i % 3 != 2
        kind = rng.choice(FORMAL_KINDS if formal else INFORMAL_KINDS)
        parts = [part.strip() for part in gebied.name.split(",")]
        candidates = [
            pattern.format(
                venue=venues[k % len(venues)],
                street=streets[k % len(streets)][0],
                part=parts[k % len(parts)],
                stadsdeel=gebied.stadsdeel.name,
            )
            for pattern in ORGANISATION_NAMES[kind]
            for k in range(len(venues))
        ]
        rng.shuffle(candidates)
        name = next((c for c in candidates if c not in names), f"{candidates[0]} {i // len(gebieden) + 1}")
        names.add(name)
        organisations.append(
            Organisation(
                name=name,
                kvk=f"{90000000 + i}" if formal else "",
                kind=kind,
                email=f"info@org{i}.example.org",
            )
        )
    return organisations


def _locations(rng, gebied, owners, count):
    """[(location, its own name for titles)] in `gebied`: its streets, its postcodes, near its centre."""
    streets, venues, (lat, lon), *city = GEBIED_PLACES[gebied.slug]
    made = []
    for j in range(count):
        street, area = streets[(j * 5 + gebied.pk) % len(streets)]
        if j % 4 == 3:
            kind, own = STREET_VENUES[(j // 4) % len(STREET_VENUES)], street
        else:
            kind, own = VENUE_KINDS[(j + gebied.pk) % len(VENUE_KINDS)], venues[j % len(venues)]
        location = Location(
            organisation=owners[j % len(owners)],
            name=f"{kind} {own}",
            street=f"{street} {rng.randint(1, 180)}",
            postcode=_postcode(rng, area),
            city=city[0] if city else "Amsterdam",
            gebied=gebied,
            lat=round(lat + rng.uniform(-0.006, 0.006), 6),
            lon=round(lon + rng.uniform(-0.009, 0.009), 6),
            wheelchair_accessible=rng.random() < 0.6,
        )
        made.append((location, own))
    return made


@transaction.atomic
def create_catalogue(*, activities, seed=2026):
    """Create `activities` activities (plus organisations and locations); returns the number made.

    The first activities of every gebied cover the core offer (walking, language, forms), always
    published, so every neighbourhood has what a resident like Hannah looks for (see _template_orders).
    Every address lies in its own gebied (demo_places).
    """
    rng = random.Random(seed)
    today = timezone.localdate()
    gebieden = list(Gebied.objects.current().select_related("stadsdeel").order_by("code"))
    bouwstenen = {b.slug: b for b in Bouwsteen.objects.all()}
    themes = {t.slug: t for t in Theme.objects.all()}
    groups = {d.slug: d for d in Doelgroep.objects.all()}
    orders = _template_orders(gebieden)

    organisations = Organisation.objects.bulk_create(
        _organisations(rng, gebieden, max(len(gebieden) * 2, activities // 10)), batch_size=BATCH
    )
    orgs_by_gebied = {}
    for i, organisation in enumerate(organisations):
        orgs_by_gebied.setdefault(gebieden[i % len(gebieden)].pk, []).append(organisation)

    # Each organisation keeps its own locations (activities.services.location_for).
    placed = []
    for gebied in gebieden:
        owners = orgs_by_gebied[gebied.pk]
        count = max(len(owners), 3, min(40, activities // (len(gebieden) * 5)))
        placed += _locations(rng, gebied, owners, count)
    Location.objects.bulk_create([location for location, _own in placed], batch_size=BATCH)
    locations_by_organisation = {}
    for location, own in placed:
        locations_by_organisation.setdefault(location.organisation_id, []).append((location, own))

    made = 0
    serial = 0
    while made < activities:
        size = min(BATCH, activities - made)
        batch, extras = [], []
        for k in range(size):
            index = made + k
            gebied = gebieden[index % len(gebieden)]
            round_in_gebied = index // len(gebieden)
            if round_in_gebied < len(TEMPLATES):
                template_index = orders[index % len(gebieden)][round_in_gebied]
            else:
                template_index = rng.randrange(len(TEMPLATES))
            template = TEMPLATES[template_index]
            organisation = rng.choice(orgs_by_gebied[gebied.pk])
            location, own = rng.choice(locations_by_organisation[organisation.pk])
            title = rng.choice(template.titles).format(venue=own)
            summary = rng.choice(template.summaries)
            serial += 1
            roll = rng.random()
            status = (
                Activity.Status.DRAFT
                if roll < 0.04
                else Activity.Status.ARCHIVED
                if roll < 0.08
                else Activity.Status.PUBLISHED
            )
            if template_index < CORE and round_in_gebied < len(TEMPLATES):
                status = Activity.Status.PUBLISHED
            opening = rng.choice(DESCRIPTION_OPENINGS).format(
                location=location.name, gebied=gebied.name, street=location.street.rsplit(" ", 1)[0]
            )
            description = (
                f"{summary} {opening} "
                f"{'Aanmelden is nodig: bel of mail ons.' if template.registration else 'Je kunt gewoon binnenlopen.'} "
                f"Georganiseerd door {organisation.name}."
            )
            activity = Activity(
                slug=f"{search.normalize(title).replace(' ', '-')[:80].rstrip('-')}-{serial}",
                title=title,
                summary=summary,
                description=description,
                organisation=organisation,
                bouwsteen=bouwstenen[template.bouwsteen],
                location=location,
                free=template.free,
                cost=template.cost,
                registration_required=template.registration,
                volunteers_wanted=template.volunteers if rng.random() < 0.7 else "",
                languages=rng.choice(LANGUAGES),
                contact_email=organisation.email,
                contact_phone=f"020 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                status=status,
                last_verified=today - datetime.timedelta(days=rng.randint(0, 365)),
                search_title=search.normalize(title),
                search_text=search.normalize(
                    " ".join(
                        [title, summary, description, organisation.name, location.name]
                        + [themes[s].name for s in template.themes]
                        + [groups[s].name for s in template.doelgroepen]
                    )
                ),
            )
            batch.append(activity)
            extras.append(template)
        batch = Activity.objects.bulk_create(batch, batch_size=BATCH)
        theme_links, group_links, schedule = [], [], []
        for activity, template in zip(batch, extras, strict=True):
            theme_links += [
                Activity.themes.through(activity_id=activity.pk, theme_id=themes[s].pk) for s in template.themes
            ]
            group_links += [
                Activity.doelgroepen.through(activity_id=activity.pk, doelgroep_id=groups[s].pk)
                for s in template.doelgroepen
            ]
            schedule += _schedule(activity, template.slots, today)
        Activity.themes.through.objects.bulk_create(theme_links, batch_size=BATCH * 2)
        Activity.doelgroepen.through.objects.bulk_create(group_links, batch_size=BATCH * 2)
        ScheduleSlot.objects.bulk_create(schedule, batch_size=BATCH * 2)
        made += size
    return made
