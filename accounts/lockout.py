"""The name django-axes counts failed logins under (settings.AXES_USERNAME_CALLABLE)."""

from django.conf import settings

from accounts.models import User


def lockout_username(request, credentials=None):
    """The address as it is stored: `Org.Noord@Demo.NL` and `org.noord@demo.nl` share one lock."""
    data = credentials if credentials else getattr(request, "data", request.POST)
    username = data.get(settings.AXES_USERNAME_FORM_FIELD)
    return User.objects.normalize_email(username) if isinstance(username, str) else username
