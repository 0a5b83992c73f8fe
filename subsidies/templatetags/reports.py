"""How far a report's due date is, in words: the lists say "3 dagen te laat", not only a date."""

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()

# Matches the staff's list: open reports due within two weeks are "binnenkort".
SOON_DAYS = 14


@register.filter
def due_words(obligation):
    """ "" once submitted; else "vandaag", "nog 5 dagen" (within two weeks) or "3 dagen te laat"."""
    if not obligation.is_open:
        return ""
    days = (obligation.due_on - timezone.localdate()).days
    if days < 0:
        return ngettext("%(n)s dag te laat", "%(n)s dagen te laat", -days) % {"n": -days}
    if days == 0:
        return _("vandaag")
    if days <= SOON_DAYS:
        return ngettext("nog %(n)s dag", "nog %(n)s dagen", days) % {"n": days}
    return ""


@register.filter
def field(form, name):
    """A bound field by a name the view made up (the report form's fields are per planned activity)."""
    return form[name]
