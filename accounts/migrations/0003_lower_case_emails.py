"""Addresses are stored lower-case (UserManager.normalize_email); accounts added in the admin were not.

An address whose lower-case form another account already has is left as it is: merging two
accounts is a person's decision, not a migration's.
"""

from django.db import migrations


def lower_case_emails(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    for user in User.objects.only("email").iterator():
        lower = user.email.lower()
        if lower != user.email and not User.objects.filter(email=lower).exists():
            User.objects.filter(pk=user.pk).update(email=lower)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_move_memberships_to_organisations")]

    operations = [migrations.RunPython(lower_case_emails, migrations.RunPython.noop)]
