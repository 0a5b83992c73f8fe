import argparse

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from activities.demo import create_catalogue
from activities.models import Activity
from organisations.demo import create_demo_accounts
from subsidies.demo import create_demo_subsidies


class Command(BaseCommand):
    help = "Vul een lege database met een demo-catalogus, demo-accounts en subsidies. Werkt alleen met DEBUG aan."

    def add_arguments(self, parser):
        parser.add_argument("--activities", type=int, default=600, help="Aantal activiteiten (standaard 600).")
        parser.add_argument(
            "--subsidies",
            action=argparse.BooleanOptionalAction,
            default=True,
            help="Ook rondes en aanvragen in elke fase maken (standaard aan).",
        )

    def handle(self, *args, activities, subsidies, **options):
        if not settings.DEBUG:
            raise CommandError("seed_demo draait alleen met DEBUG aan, zodat productie nooit demo-gegevens krijgt.")
        if activities < 1:
            raise CommandError("--activities moet 1 of meer zijn.")
        if Activity.objects.exists():
            self.stdout.write("De database heeft al activiteiten; de catalogus blijft zoals hij is.")
        else:
            made = create_catalogue(activities=activities)
            self.stdout.write(self.style.SUCCESS(f"{made} demo-activiteiten gemaakt."))
        create_demo_accounts()
        if subsidies:
            # The demo's aanvragen go through the real services, which mail the applicant: not here.
            with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
                made = create_demo_subsidies()
            if made:
                self.stdout.write(self.style.SUCCESS(f"{made} demo-aanvragen gemaakt, in elke fase, in elk stadsdeel."))
        self.stdout.write(
            "Demo-accounts: org.noord@demo.nl, org.zuid@demo.nl, beoordelaar.noord@demo.nl, "
            "beslisser.noord@demo.nl, beoordelaar.zuid@demo.nl, admin@demo.nl."
        )
