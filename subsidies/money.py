"""Euros as people read and type them; cents everywhere else."""

import re
from decimal import Decimal

# "1.234,50", "1234,5", "1234.50" (a point with two decimals), "5.000" (thousands), "€ 12".
_DUTCH = re.compile(r"^(?P<whole>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<cents>\d{1,2}))?$")
_POINT = re.compile(r"^(?P<whole>\d+)\.(?P<cents>\d{1,2})$")


def euros(cents):
    """12345678 -> "€ 123.456,78"; whole euros without decimals ("€ 5.000")."""
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(int(cents)), 100)
    text = f"{whole:,}".replace(",", ".")
    return f"{sign}€ {text}" + (f",{rest:02d}" if rest else "")


def parse_euros(text):
    """An amount as typed -> cents; ValueError for anything that is not plainly an amount."""
    cleaned = str(text).replace("€", "").replace(" ", "").strip()
    match = _POINT.fullmatch(cleaned) or _DUTCH.fullmatch(cleaned)
    if match is None:
        raise ValueError(text)
    whole = match["whole"].replace(".", "")
    return int(Decimal(whole) * 100 + Decimal((match["cents"] or "0").ljust(2, "0")))
