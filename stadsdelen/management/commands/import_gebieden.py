from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from stadsdelen.services import LEVELS, ImportFailed, import_gebiedsindeling, read_file


class Command(BaseCommand):
    help = (
        "Laad de gebiedsindeling uit de open-data-bestanden van de stad (CSV of GeoJSON met code, naam en de "
        "code van de ouder). Werkt bij op code; wat ontbreekt wordt beëindigd. Alles of niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument(
            "--niveau",
            choices=list(LEVELS),
            help="Het niveau van het bestand; standaard herkend aan de kolom met de code van de ouder.",
        )

    def handle(self, *args, files, niveau, **options):
        if niveau and len(files) > 1:
            raise CommandError("--niveau geldt voor één bestand; geef de bestanden dan één voor één.")
        try:
            summaries = import_gebiedsindeling(
                sources=[read_file(file) for file in files], level=niveau, today=timezone.localdate()
            )
        except ImportFailed as error:
            raise CommandError(f"{error} Er is niets veranderd.") from error
        for summary in summaries:
            self.stdout.write(self.style.SUCCESS(str(summary)))
