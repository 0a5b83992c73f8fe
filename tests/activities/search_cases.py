"""Resident-style searches over the demo catalogue and what each is looking for.

Written as residents type them: an everyday word for the catalogue's term, a compound split or
joined, a typo, a need with a place, a need with a person. A case is found when one of the first
five results has a title containing one of the `wanted` words (accent-free, lower-case) and, for a
place, lies in that stadsdeel.
"""

from activities.search import normalize

# (kind, query, wanted title words separated by "|", stadsdeel slug or "")
CASES = [
    ("title word", "wandelclub", "wandelclub", ""),
    ("title word", "taalcafe", "taalcafe", ""),
    ("title word", "stoelyoga", "stoelyoga", ""),
    ("title word", "voorleesochtend", "voorleesochtend", ""),
    ("title word", "lotgenoten", "lotgenotengroep", ""),
    ("title word", "begeleiding", "huiswerkbegeleiding", ""),
    ("text word", "toeslagen", "formulierencafe", ""),
    ("text word", "geldcoach", "spreekuur geldzaken", ""),
    ("text word", "videobellen", "computerhulp", ""),
    ("text word", "groente", "moestuin", ""),
    ("text word", "zingen", "buurtkoor", ""),
    ("text word", "schilderen", "tekenclub", ""),
    ("everyday word", "senioren", "55 plussers|ouderen|stadsdorp", ""),
    ("everyday word", "geldzorgen", "geldzaken|formulierencafe", ""),
    ("everyday word", "schulden", "geldzaken", ""),
    ("everyday word", "eenzaam", "koffieochtend|stadsdorp|maatjesproject|wandelclub|buurtmaaltijd", ""),
    ("everyday word", "nederlands leren", "taalcafe", ""),
    ("everyday word", "praatgroep", "lotgenotengroep|mantelzorgcafe", ""),
    ("everyday word", "sporten", "voetbal|bewegen|stoelyoga", ""),
    ("everyday word", "klusjes", "klussendienst", ""),
    ("everyday word", "homo", "regenboogsoos", ""),
    ("everyday word", "samen eten", "buurtmaaltijd", ""),
    ("everyday word", "werk zoeken", "sollicitatiespreekuur", ""),
    ("everyday word", "kapotte fiets", "repair cafe", ""),
    ("compound", "wandelgroep", "wandelclub", ""),
    ("compound", "taal cafe", "taalcafe", ""),
    ("compound", "repaircafe", "repair cafe", ""),
    ("compound", "huiswerk hulp", "huiswerkbegeleiding", ""),
    ("compound", "computerles", "computerhulp", ""),
    ("compound", "koffie ochtend", "koffieochtend", ""),
    ("compound", "moestuin", "buurtmoestuin", ""),
    ("compound", "zangkoor", "buurtkoor", ""),
    ("typo", "wandelclb", "wandelclub", ""),
    ("typo", "formulerencafe", "formulierencafe", ""),
    ("typo", "mantlezorg", "mantelzorgcafe", ""),
    ("typo", "boodschapenhulp", "boodschappenhulp", ""),
    ("typo", "diabetis", "lotgenotengroep diabetes", ""),
    ("typo", "solicitatie", "sollicitatiespreekuur", ""),
    ("typo", "klusendienst", "klussendienst", ""),
    ("need and place", "taalles noord", "taalcafe", "noord"),
    ("need and place", "wandelen in zuidoost", "wandelclub", "zuidoost"),
    ("need and place", "hulp met formulieren west", "formulierencafe", "west"),
    ("need and place", "koffie drinken oost", "koffieochtend|stadsdorp", "oost"),
    ("need and place", "schulden nieuw-west", "geldzaken", "nieuw-west"),
    ("need and place", "taalcafe centrum", "taalcafe", "centrum"),
    ("need and person", "taalles voor mijn moeder", "taalcafe", ""),
    ("need and person", "hulp bij formulieren voor mijn oma", "formulierencafe", ""),
    ("need and person", "huiswerkhulp voor mijn zoon", "huiswerkbegeleiding", ""),
    ("need and person", "voetbal voor mijn dochter", "meidenvoetbal", ""),
    ("need and person", "boodschappen voor mijn vader", "boodschappenhulp", ""),
]


def is_wanted(activity, wanted, stadsdeel):
    title = normalize(activity.title)
    if not any(word in title for word in wanted.split("|")):
        return False
    return not stadsdeel or activity.location.gebied.stadsdeel.slug == stadsdeel
