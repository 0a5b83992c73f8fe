import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from subsidies.reporting import send_reminders


class Command(BaseCommand):
    help = (
        "Stuur herinneringen voor verslagen (voor een dagelijkse cron): vóór en na de uiterste datum, elk één keer, "
        "en wekelijks een overzicht van te late verslagen aan de beoordelaars van elk stadsdeel."
    )

    def add_arguments(self, parser):
        parser.add_argument("--datum", help="Doe alsof het deze dag is (jjjj-mm-dd), om te testen.")

    def handle(self, *args, datum=None, **options):
        try:
            today = datetime.date.fromisoformat(datum) if datum else timezone.localdate()
        except ValueError as error:
            raise CommandError("Schrijf de datum als jjjj-mm-dd.") from error
        sent = send_reminders(today=today)
        for line in sent:
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"{len(sent)} berichten verstuurd."))
