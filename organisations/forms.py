from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import GuidedFormMixin


class InvitationForm(GuidedFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres van je collega"),
        error_messages={"required": _("Vul een e-mailadres in."), "invalid": _("Dit is geen geldig e-mailadres.")},
    )
    is_admin = forms.BooleanField(label=_("Mag ook collega’s uitnodigen en het logboek zien"), required=False)
