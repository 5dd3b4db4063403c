"""The two largest enterprises' lost workdays per group and quarter, for the dominance and
subtraction rules of statistical disclosure control. Groups already imported get them from
the statistics on record, with the enterprises' industry, sector and county as they are now;
the next import of a quarter writes that quarter's again."""

from decimal import Decimal

from django.db import migrations, models


def fill(apps, schema_editor):  # type: ignore[no-untyped-def]
    statistics = apps.get_model("sickleave", "QuarterlyStatistics")
    groups = apps.get_model("sickleave", "GroupQuarter")
    top: dict[tuple[str, str, int, int], list[Decimal]] = {}
    rows = statistics.objects.values_list(
        "year",
        "quarter",
        "lost_workdays",
        "enterprise__industry_code",
        "enterprise__sector",
        "enterprise__county_id",
    )
    for year, quarter, lost, industry, sector, county in rows.iterator(chunk_size=5000):
        for kind, key in (
            ("industry", industry[:2]),
            ("sector", sector),
            ("county", county),
            ("country", "NO"),
        ):
            largest = top.setdefault((kind, key, year, quarter), [Decimal(0), Decimal(0)])
            if lost > largest[0]:
                largest[0], largest[1] = lost, largest[0]
            elif lost > largest[1]:
                largest[1] = lost
    changed = []
    for group in groups.objects.all().iterator(chunk_size=5000):
        found = top.get((group.kind, group.key, group.year, group.quarter))
        if found is not None:
            group.largest_lost_workdays, group.second_lost_workdays = found
            changed.append(group)
    groups.objects.bulk_update(
        changed, ["largest_lost_workdays", "second_lost_workdays"], batch_size=1000
    )


class Migration(migrations.Migration):
    dependencies = [("sickleave", "0002_saveable_index")]

    operations = [
        migrations.AddField(
            model_name="groupquarter",
            name="largest_lost_workdays",
            field=models.DecimalField(decimal_places=2, max_digits=14, null=True),
        ),
        migrations.AddField(
            model_name="groupquarter",
            name="second_lost_workdays",
            field=models.DecimalField(decimal_places=2, max_digits=14, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
