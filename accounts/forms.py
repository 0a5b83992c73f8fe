"""Forms for people: the login, and the way every form of the organisation area labels its fields."""

from django import forms
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
