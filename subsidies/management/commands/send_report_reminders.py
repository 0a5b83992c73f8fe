from activities.management.dated_mailing import DatedMailingCommand
from subsidies.reporting import send_reminders


class Command(DatedMailingCommand):
    help = (
        "Stuur herinneringen voor verslagen (voor een dagelijkse cron): vóór en na de uiterste datum, elk één keer, "
        "en wekelijks een overzicht van te late verslagen aan de beoordelaars van elk stadsdeel."
    )

    def send(self, *, today):
        return send_reminders(today=today)
