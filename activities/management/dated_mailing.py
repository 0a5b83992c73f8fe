import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class DatedMailingCommand(BaseCommand):
    """A mailing for cron: `send(today=...)` sends what is due and returns a line per message, never
    sending the same message twice. `--datum` runs it as on another day, to test."""

    def send(self, *, today):
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument("--datum", help="Doe alsof het deze dag is (jjjj-mm-dd), om te testen.")

    def handle(self, *args, datum=None, **options):
        try:
            today = datetime.date.fromisoformat(datum) if datum else timezone.localdate()
        except ValueError as error:
            raise CommandError("Schrijf de datum als jjjj-mm-dd.") from error
        sent = self.send(today=today)
        for line in sent:
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"{len(sent)} berichten verstuurd."))
