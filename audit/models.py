"""An append-only log of who did what, written in the same transaction as the change.

The log stands beside the apps, not on them: an event names its object by a stable label
("activities.Activity") and id, and its organisation by id, so `audit` imports no other app.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEventQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Administrators see everything; organisation admins see the events about their organisations."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(organisation_id__in=user.admin_organisation_ids)


class AuditEvent(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("aangemaakt")
        CHANGE = "change", _("gewijzigd")
        PUBLISH = "publish", _("gepubliceerd")
        ARCHIVE = "archive", _("gearchiveerd")
        UNPUBLISH = "unpublish", _("terug naar concept")
        VERIFY = "verify", _("gecontroleerd")
        DUPLICATE = "duplicate", _("gekopieerd")
        INVITE = "invite", _("uitgenodigd")
        JOIN = "join", _("lid geworden")
        LOGIN = "login", _("ingelogd")
        LOGIN_FAILED = "login_failed", _("inloggen mislukt")
        LOGOUT = "logout", _("uitgelogd")
        PERMISSION_DENIED = "permission_denied", _("geen toegang")
        STATUS = "status", _("status gewijzigd")
        ASSESS = "assess", _("beoordeeld")
        DELETE = "delete", _("verwijderd")
        EXPORT = "export", _("gedownload")

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Kept as text too, so the log still says who it was after an account is removed.
    actor_label = models.CharField(max_length=254, blank=True)
    action = models.CharField(max_length=32, choices=Action.choices)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    object_label = models.CharField(max_length=200, blank=True)
    # The organisation whose log shows this event, by id only: the log imports no app and keeps its
    # rows when an organisation goes.
    organisation_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    changes = models.JSONField(default=dict, blank=True)
    path = models.CharField(max_length=500, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("logregel")
        verbose_name_plural = _("logboek")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.get_action_display()} {self.object_label}"


def record(*, action, actor=None, obj=None, organisation=None, changes=None, actor_label="", path=""):
    """Write one audit row; call inside the transaction of the change it describes."""
    if actor is not None and not actor.is_authenticated:
        actor = None
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        actor_label=actor_label or (actor.email if actor else ""),
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_label=str(obj)[:200] if obj is not None else "",
        organisation_id=organisation.pk if organisation is not None else None,
        changes=changes or {},
        path=path[:500],
    )
