from activities.freshness import send_freshness_reminders
from activities.management.dated_mailing import DatedMailingCommand


class Command(DatedMailingCommand):
    help = (
        "Stuur elke organisatie één keer per maand een mail met haar activiteiten die een half jaar niet "
        "gecontroleerd zijn (voor cron; een tweede keer in dezelfde maand stuurt niets)."
    )

    def send(self, *, today):
        return send_freshness_reminders(today=today)
