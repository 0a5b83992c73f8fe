"""Schedule rows as people run them: every other week, monthly on the nth weekday, single dates, from/until, paused in school holidays."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('activities', '0016_bouwsteen_resident_name'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='scheduleslot',
            options={'ordering': ['day', 'start', 'pk'], 'verbose_name': 'tijdstip', 'verbose_name_plural': 'tijdstippen'},
        ),
        migrations.AddField(
            model_name='scheduleslot',
            name='dates',
            field=models.JSONField(blank=True, default=list, help_text='Bij losse data: jjjj-mm-dd.', verbose_name='data'),
        ),
        migrations.AddField(
            model_name='scheduleslot',
            name='ends_on',
            field=models.DateField(blank=True, null=True, verbose_name='tot en met'),
        ),
        migrations.AddField(
            model_name='scheduleslot',
            name='frequency',
            field=models.CharField(choices=[('weekly', 'elke week of om de week'), ('monthly', 'elke maand op de …'), ('dates', 'op losse data')], default='weekly', max_length=8, verbose_name='hoe vaak'),
        ),
        migrations.AddField(
            model_name='scheduleslot',
            name='interval',
            field=models.PositiveSmallIntegerField(default=1, verbose_name='om de hoeveel weken'),
        ),
        migrations.AddField(
            model_name='scheduleslot',
            name='school_holidays',
            field=models.BooleanField(default=True, verbose_name='ook in de schoolvakanties'),
        ),
        migrations.AddField(
            model_name='scheduleslot',
            name='starts_on',
            field=models.DateField(blank=True, null=True, verbose_name='vanaf'),
        ),
        migrations.AddField(
            model_name='scheduleslot',
            name='week_of_month',
            field=models.SmallIntegerField(blank=True, choices=[(1, 'eerste'), (2, 'tweede'), (3, 'derde'), (4, 'vierde'), (-1, 'laatste')], null=True, verbose_name='welke week van de maand'),
        ),
        migrations.AlterField(
            model_name='scheduleslot',
            name='day',
            field=models.PositiveSmallIntegerField(blank=True, choices=[(0, 'maandag'), (1, 'dinsdag'), (2, 'woensdag'), (3, 'donderdag'), (4, 'vrijdag'), (5, 'zaterdag'), (6, 'zondag')], null=True, verbose_name='dag'),
        ),
        migrations.AddConstraint(
            model_name='scheduleslot',
            constraint=models.CheckConstraint(condition=models.Q(('frequency', 'dates'), ('day__isnull', False), _connector='OR'), name='schedule_rule_has_a_day'),
        ),
        migrations.AddConstraint(
            model_name='scheduleslot',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('frequency', 'monthly'), _negated=True), ('week_of_month__isnull', False), _connector='OR'), name='schedule_monthly_has_a_week'),
        ),
    ]
