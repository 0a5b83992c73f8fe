from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from activities.exchange import ImportFailed, import_catalogue, parse


class Command(BaseCommand):
    help = "Laad activiteiten uit een JSON-bestand in het uitwisselformaat. Alles of niets."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        try:
            text = file.read_text(encoding="utf-8-sig")  # also reads UTF-8 with a byte order mark
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Kan {file} niet lezen: {error}") from error
        try:
            result = import_catalogue(payload=parse(text))
        except ImportFailed as error:
            raise CommandError(f"{error} Er is niets geladen.") from error
        self.stdout.write(self.style.SUCCESS(f"{result.created} activiteiten toegevoegd, {result.updated} bijgewerkt."))
