"""Languages spoken at activities besides Dutch (ISO 639-1), with their Dutch names."""

from django.utils.translation import gettext_lazy as _

LANGUAGE_NAMES = {
    "en": _("Engels"),
    "ar": _("Arabisch"),
    "tr": _("Turks"),
    "es": _("Spaans"),
    "fr": _("Frans"),
    "de": _("Duits"),
    "pl": _("Pools"),
    "uk": _("Oekraïens"),
    "ru": _("Russisch"),
    "pt": _("Portugees"),
    "so": _("Somalisch"),
    "ti": _("Tigrinya"),
    "fa": _("Perzisch"),
    "zh": _("Chinees"),
    "hi": _("Hindi"),
    "ur": _("Urdu"),
    "am": _("Amhaars"),
    "bg": _("Bulgaars"),
    "ro": _("Roemeens"),
    "it": _("Italiaans"),
    "ku": _("Koerdisch"),
    "ps": _("Pasjtoe"),
    "ta": _("Tamil"),
    "vi": _("Vietnamees"),
}


def language_name(code):
    return LANGUAGE_NAMES.get(code, code)
