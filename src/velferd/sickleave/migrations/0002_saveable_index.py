"""The prioritisation list reads a county's enterprises in the order of the workdays that
could be saved, masked ones (null) last. PostgreSQL needs NULLS LAST in the index to walk it
in that order; SQLite cannot write it there, and puts nulls last in a DESC index anyway."""

from django.db import migrations

from velferd.core.db import is_postgresql

NAME = "sickleave_summary_saveable_idx"


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    nulls = " NULLS LAST" if is_postgresql() else ""
    schema_editor.execute(
        f"CREATE INDEX {NAME} ON sickleave_enterprisesummary "
        f"(county_id, saveable_workdays DESC{nulls})"
    )


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    schema_editor.execute(f"DROP INDEX {NAME}")


class Migration(migrations.Migration):
    dependencies = [("sickleave", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
