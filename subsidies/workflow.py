"""The life of an aanvraag as data: states, who moves it where, and what each side reads.

Like Signalen's workflow: keys are language-neutral and never change; labels are for people.
The applicant sees less than the staff (an advice is internal), so each state has two labels.
`subsidies.services` is the only code that moves an aanvraag, always through `TRANSITIONS`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    INGEDIEND = "ingediend", _("Ingediend")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    AANVULLING_GEVRAAGD = "aanvulling_gevraagd", _("Aanvulling gevraagd")
    ADVIES = "advies", _("Advies gegeven")
    VERLEEND = "verleend", _("Verleend")
    DEELS_VERLEEND = "deels_verleend", _("Deels verleend")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")
    VASTGESTELD = "vastgesteld", _("Vastgesteld")


class Actor(models.TextChoices):
    APPLICANT = "applicant", _("organisatie")
    REVIEWER = "reviewer", _("beoordelaar")
    DECIDER = "decider", _("beslisser")


APPLICANT_LABELS = {
    Status.CONCEPT: _("Concept"),
    Status.INGEDIEND: _("Ingediend"),
    Status.IN_BEHANDELING: _("In behandeling"),
    Status.AANVULLING_GEVRAAGD: _("Aanvulling nodig"),
    Status.ADVIES: _("In behandeling"),
    Status.VERLEEND: _("Besluit genomen"),
    Status.DEELS_VERLEEND: _("Besluit genomen"),
    Status.AFGEWEZEN: _("Besluit genomen"),
    Status.INGETROKKEN: _("Ingetrokken"),
    Status.VASTGESTELD: _("Vastgesteld"),
}

DECIDED = {Status.VERLEEND, Status.DEELS_VERLEEND, Status.AFGEWEZEN, Status.VASTGESTELD}
GRANTED = {Status.VERLEEND, Status.DEELS_VERLEEND, Status.VASTGESTELD}
# Until a decision, the organisation may withdraw (DESIGN.md §3).
WITHDRAWABLE = [Status.CONCEPT, Status.INGEDIEND, Status.IN_BEHANDELING, Status.AANVULLING_GEVRAAGD, Status.ADVIES]
# The beslistermijn runs while the aanvraag is with the stadsdeel.
OPEN_AT_STADSDEEL = {Status.INGEDIEND, Status.IN_BEHANDELING, Status.AANVULLING_GEVRAAGD, Status.ADVIES}

# (from, to) -> who may make that move. Everything not listed is refused.
TRANSITIONS = {
    (Status.CONCEPT, Status.INGEDIEND): Actor.APPLICANT,
    (Status.INGEDIEND, Status.IN_BEHANDELING): Actor.REVIEWER,
    (Status.INGEDIEND, Status.AANVULLING_GEVRAAGD): Actor.REVIEWER,
    (Status.AANVULLING_GEVRAAGD, Status.INGEDIEND): Actor.APPLICANT,
    (Status.IN_BEHANDELING, Status.ADVIES): Actor.REVIEWER,
    (Status.ADVIES, Status.IN_BEHANDELING): Actor.DECIDER,
    (Status.ADVIES, Status.VERLEEND): Actor.DECIDER,
    (Status.ADVIES, Status.DEELS_VERLEEND): Actor.DECIDER,
    (Status.ADVIES, Status.AFGEWEZEN): Actor.DECIDER,
    **{(status, Status.INGETROKKEN): Actor.APPLICANT for status in WITHDRAWABLE},
    # After the final report is accepted (subsidies.services.aanvraag_vaststellen checks that).
    (Status.VERLEEND, Status.VASTGESTELD): Actor.DECIDER,
    (Status.DEELS_VERLEEND, Status.VASTGESTELD): Actor.DECIDER,
}


def allowed(from_status, to_status):
    """Who may move an aanvraag from one state to the other, or None when nobody may."""
    return TRANSITIONS.get((from_status, to_status))


def applicant_label(status):
    return APPLICANT_LABELS[Status(status)]
