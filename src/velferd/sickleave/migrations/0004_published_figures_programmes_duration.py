"""Figures as NAV publishes them, the industry programmes and the split by duration.

- Short-term (1–16 days) and long-term (17 days and more) lost workdays, optional: null
  where the file did not give them (every row imported before).
- The industry programmes of the IW agreement as a kind of group (keys up to 20
  characters): the groups of the statistics on record are added, with the enterprises'
  industry codes as they are now (the next import of a quarter writes its groups again).
- The four-quarter percentages stored in the summaries with one decimal, rounded half up as
  NAV publishes them, and the workdays to save worked out again from the industries'
  percentages as published.
- The lost workdays where they may be shown (null when masked) and their index per county,
  the prioritisation list's default order; NULLS LAST on PostgreSQL (see 0002).
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db import migrations, models

from velferd.core.db import is_postgresql
from velferd.sickleave.programmes import PROGRAMMES

INDEX = "sickleave_summary_lost_idx"
MIN_PERSONS = 5


def _percent(lost, possible):  # type: ignore[no-untyped-def]
    if not possible:
        return None
    value = Decimal(lost) / Decimal(possible) * 100
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _programme(industry_code):  # type: ignore[no-untyped-def]
    for programme in PROGRAMMES:
        if programme.covers(industry_code):
            return programme.key
    return None


def _programme_quarters(apps):  # type: ignore[no-untyped-def]
    statistics = apps.get_model("sickleave", "QuarterlyStatistics")
    groups = apps.get_model("sickleave", "GroupQuarter")
    sums = {}
    rows = statistics.objects.values_list(
        "year",
        "quarter",
        "possible_workdays",
        "lost_workdays",
        "graded_lost_workdays",
        "sick_listed_persons",
        "enterprise__industry_code",
    )
    for year, quarter, possible, lost, graded, persons, code in rows.iterator(chunk_size=5000):
        key = _programme(code)
        if key is None:
            continue
        group = sums.setdefault(
            (key, year, quarter), [Decimal(0), Decimal(0), Decimal(0), 0, [], 0]
        )
        group[0] += possible
        group[1] += lost
        group[2] += graded
        group[3] += persons
        group[4] = sorted([*group[4], lost], reverse=True)[:2]
        group[5] += 1
    groups.objects.filter(kind="programme").delete()
    groups.objects.bulk_create(
        [
            groups(
                kind="programme",
                key=key,
                year=year,
                quarter=quarter,
                possible_workdays=possible,
                lost_workdays=lost,
                graded_lost_workdays=graded,
                sick_listed_persons=persons,
                enterprises=count,
                largest_lost_workdays=(top + [Decimal(0), Decimal(0)])[0],
                second_lost_workdays=(top + [Decimal(0), Decimal(0)])[1],
            )
            for (key, year, quarter), (possible, lost, graded, persons, top, count) in sums.items()
        ],
        batch_size=1000,
    )


def _programme_summaries(apps):  # type: ignore[no-untyped-def]
    groups = apps.get_model("sickleave", "GroupQuarter")
    summaries = apps.get_model("sickleave", "GroupSummary")
    latest = (
        groups.objects.filter(kind="country", key="NO")
        .order_by("-year", "-quarter")
        .values_list("year", "quarter")
        .first()
    )
    if latest is None:
        return
    ordinal = latest[0] * 4 + latest[1] - 1
    window = {divmod(n, 4) for n in range(ordinal - 3, ordinal + 1)}
    totals = {}
    for row in groups.objects.filter(kind="programme"):
        if (row.year, row.quarter - 1) not in window:
            continue
        total = totals.setdefault(row.key, [Decimal(0), Decimal(0), Decimal(0), 0, 0])
        total[0] += row.possible_workdays
        total[1] += row.lost_workdays
        total[2] += row.graded_lost_workdays
        total[3] = max(total[3], row.sick_listed_persons)
        total[4] = max(total[4], row.enterprises)
    summaries.objects.filter(kind="programme").delete()
    summaries.objects.bulk_create(
        summaries(
            kind="programme",
            key=key,
            possible_workdays=possible,
            lost_workdays=lost,
            graded_lost_workdays=graded,
            sick_listed_persons=persons,
            enterprises=count,
            percentage=_percent(lost, possible),
        )
        for key, (possible, lost, graded, persons, count) in totals.items()
    )


def _one_decimal(apps):  # type: ignore[no-untyped-def]
    summaries = apps.get_model("sickleave", "GroupSummary")
    enterprises = apps.get_model("sickleave", "EnterpriseSummary")
    changed = []
    for group in summaries.objects.all():
        group.percentage = _percent(group.lost_workdays, group.possible_workdays)
        changed.append(group)
    summaries.objects.bulk_update(changed, ["percentage"], batch_size=1000)
    industries = dict(summaries.objects.filter(kind="industry").values_list("pk", "percentage"))
    batch = []
    for row in enterprises.objects.all().iterator(chunk_size=5000):
        shown = row.sick_listed_persons >= MIN_PERSONS
        industry = industries.get(row.industry_id)
        row.percentage = _percent(row.lost_workdays, row.possible_workdays)
        row.shown_lost_workdays = row.lost_workdays if shown else None
        row.saveable_workdays = None
        if shown and industry is not None:
            excess = row.lost_workdays - row.possible_workdays * industry / 100
            row.saveable_workdays = max(excess, Decimal(0)).quantize(Decimal("0.01"))
        batch.append(row)
        if len(batch) >= 5000:
            enterprises.objects.bulk_update(
                batch, ["percentage", "shown_lost_workdays", "saveable_workdays"]
            )
            batch = []
    enterprises.objects.bulk_update(batch, ["percentage", "shown_lost_workdays", "saveable_workdays"])


def fill(apps, schema_editor):  # type: ignore[no-untyped-def]
    _programme_quarters(apps)
    _programme_summaries(apps)
    _one_decimal(apps)


def create_index(apps, schema_editor):  # type: ignore[no-untyped-def]
    nulls = " NULLS LAST" if is_postgresql() else ""
    schema_editor.execute(
        f"CREATE INDEX {INDEX} ON sickleave_enterprisesummary "
        f"(county_id, shown_lost_workdays DESC{nulls})"
    )


def drop_index(apps, schema_editor):  # type: ignore[no-untyped-def]
    schema_editor.execute(f"DROP INDEX {INDEX}")


class Migration(migrations.Migration):

    dependencies = [
        ('employers', '0002_iw_support'),
        ('sickleave', '0003_group_largest_enterprises'),
    ]

    operations = [
        migrations.AddField(
            model_name='enterprisesummary',
            name='shown_lost_workdays',
            field=models.DecimalField(decimal_places=2, max_digits=14, null=True),
        ),
        migrations.AddField(
            model_name='quarterlystatistics',
            name='long_term_lost_workdays',
            field=models.DecimalField(decimal_places=2, max_digits=14, null=True, verbose_name='lost workdays, long-term sick leave'),
        ),
        migrations.AddField(
            model_name='quarterlystatistics',
            name='short_term_lost_workdays',
            field=models.DecimalField(decimal_places=2, max_digits=14, null=True, verbose_name='lost workdays, short-term sick leave'),
        ),
        migrations.AlterField(
            model_name='groupquarter',
            name='key',
            field=models.CharField(max_length=20),
        ),
        migrations.AlterField(
            model_name='groupquarter',
            name='kind',
            field=models.CharField(choices=[('industry', 'Industry'), ('sector', 'Sector'), ('county', 'County'), ('country', 'Country'), ('programme', 'Industry programme')], max_length=10),
        ),
        migrations.AlterField(
            model_name='groupsummary',
            name='key',
            field=models.CharField(max_length=20),
        ),
        migrations.AlterField(
            model_name='groupsummary',
            name='kind',
            field=models.CharField(choices=[('industry', 'Industry'), ('sector', 'Sector'), ('county', 'County'), ('country', 'Country'), ('programme', 'Industry programme')], max_length=10),
        ),
        migrations.AddConstraint(
            model_name='quarterlystatistics',
            constraint=models.CheckConstraint(condition=models.Q(('short_term_lost_workdays__lte', models.F('lost_workdays')), ('short_term_lost_workdays__isnull', True), _connector='OR'), name='statistics_short_term_within_lost'),
        ),
        migrations.AddConstraint(
            model_name='quarterlystatistics',
            constraint=models.CheckConstraint(condition=models.Q(('long_term_lost_workdays__lte', models.F('lost_workdays')), ('long_term_lost_workdays__isnull', True), _connector='OR'), name='statistics_long_term_within_lost'),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(create_index, drop_index),
    ]
