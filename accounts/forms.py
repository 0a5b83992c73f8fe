"""Forms for people: the login, and how the organisation area's forms label their fields."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


class GuidedFormMixin:
    """The NL Design System's form pattern: a required field says so in words in its label, since a
    colour or an asterisk is missed by many; no colon after a label (a checkbox's reads oddly with one)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if field.required and field.label and not field.widget.is_hidden:
                # The message names its field: the summary at the top shows it without the label.
                if str(field.error_messages["required"]) == str(forms.Field.default_error_messages["required"]):
                    field.error_messages["required"] = format_lazy(_("Vul ‘{}’ in."), field.label)
                field.label = format_lazy("{} {}", field.label, _("(verplicht)"))

    # A group's id sits on its wrapping <div>, which a link scrolls to but cannot put the cursor in.
    GROUP_WIDGETS = {"radioselect", "checkboxselectmultiple"}

    @property
    def error_links(self):
        """The error summary's links: one per field with an error, to the field itself (a group's first choice)."""
        links = []
        for field in self.visible_fields():
            if field.errors:
                anchor = f"{field.auto_id}_0" if field.widget_type in self.GROUP_WIDGETS else field.auto_id
                links.append({"anchor": anchor, "label": field.label, "message": field.errors[0]})
        return links


class LoginForm(AuthenticationForm):
    """Django's login in plain Dutch. A wrong password and an unknown address get the same words, so
    the form never tells whether an address has an account (django-axes counts both alike)."""

    error_messages = {
        "invalid_login": _(
            "Het e-mailadres of het wachtwoord klopt niet. Let op hoofdletters in je wachtwoord. "
            "Weet je je wachtwoord niet meer? Vraag een nieuw wachtwoord aan."
        ),
        "inactive": _("Je kunt met dit account niet meer inloggen. Vraag een collega je opnieuw uit te nodigen."),
    }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = _("Vul je e-mailadres in.")
        self.fields["password"].error_messages["required"] = _("Vul je wachtwoord in.")
