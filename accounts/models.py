"""Who someone is and what they may see: organisation members and stadsdeel staff.

Memberships live in `organisations`, one floor up; a user only reads them through the reverse
relation, so this app imports nothing above it.
"""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from stadsdelen.models import Stadsdeel


class UserManager(BaseUserManager):
    """An address is stored lower-case, so however someone types it, it names one account."""

    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email):
        # Also what AbstractUser.clean applies, so accounts added in the admin are stored the same way.
        return super().normalize_email(email).lower()

    def get_by_natural_key(self, username):
        return self.get(email=self.normalize_email(username))

    def create_user(self, email, password=None, **extra):
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """Logs in with an e-mail address. `is_staff` is Django admin access (functional administrators)."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mailadres"), unique=True)
    name = models.CharField(_("naam"), max_length=150, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []
    objects = UserManager()

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self):
        return self.name or self.email

    def get_full_name(self):
        return self.name or self.email

    def get_short_name(self):
        return self.name or self.email

    @cached_property
    def organisation_ids(self):
        return set(self.memberships.values_list("organisation_id", flat=True))

    @cached_property
    def admin_organisation_ids(self):
        return set(self.memberships.filter(is_admin=True).values_list("organisation_id", flat=True))

    @cached_property
    def staff_stadsdeel_ids(self):
        return set(self.staff_roles.values_list("stadsdeel_id", flat=True))

    def has_staff_role(self, role=None):
        roles = self.staff_roles.all()
        return roles.filter(role=role).exists() if role else roles.exists()


class StaffRole(models.Model):
    class Role(models.TextChoices):
        REVIEWER = "reviewer", _("Beoordelaar")
        DECIDER = "decider", _("Beslisser (mandaat)")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="staff_roles")
    role = models.CharField(_("rol"), max_length=16, choices=Role.choices)
    stadsdeel = models.ForeignKey(Stadsdeel, on_delete=models.PROTECT, related_name="staff_roles")

    class Meta:
        verbose_name = _("rol van medewerker")
        verbose_name_plural = _("rollen van medewerkers")
        constraints = [models.UniqueConstraint(fields=["user", "role", "stadsdeel"], name="staffrole_unique")]

    def __str__(self):
        return f"{self.user}: {self.get_role_display()} {self.stadsdeel}"
