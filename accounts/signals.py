from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from audit.models import AuditEvent, record


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
    record(action=AuditEvent.Action.LOGIN, actor=user, obj=user, path=request.path if request else "")


@receiver(user_logged_out)
def log_logout(sender, request, user, **kwargs):
    if user is not None:
        record(action=AuditEvent.Action.LOGOUT, actor=user, obj=user, path=request.path if request else "")


@receiver(user_login_failed)
def log_login_failed(sender, credentials, request=None, **kwargs):
    # Only the address that was tried: never the password.
    attempted = str(credentials.get("username") or credentials.get("email") or "")[:254]
    record(action=AuditEvent.Action.LOGIN_FAILED, actor_label=attempted, path=request.path if request else "")
