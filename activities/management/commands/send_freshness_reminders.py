import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from activities.freshness import send_freshness_reminders


class Command(BaseCommand):
    help = (
        "Stuur elke organisatie één keer per maand een mail met haar activiteiten die een half jaar niet "
        "gecontroleerd zijn (voor cron; een tweede keer in dezelfde maand stuurt niets)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--datum", help="Doe alsof het deze dag is (jjjj-mm-dd), om te testen.")

    def handle(self, *args, datum=None, **options):
        try:
            today = datetime.date.fromisoformat(datum) if datum else timezone.localdate()
        except ValueError as error:
            raise CommandError("Schrijf de datum als jjjj-mm-dd.") from error
        sent = send_freshness_reminders(today=today)
        for line in sent:
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"{len(sent)} berichten verstuurd."))
