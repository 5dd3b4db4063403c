"""People are searched by a folded key (velferd.core.search): "baerum" and "barum" find
a name written with æ. The keys are written again, a batch at a time."""

from django.db import migrations

from velferd.core.search import search_key

BATCH = 2000


def _rewrite(apps, key):
    Person = apps.get_model("people", "Person")
    last = None
    while True:
        batch = Person.objects.order_by("pk").only("pk", "given_name", "family_name")
        if last is not None:
            batch = batch.filter(pk__gt=last)
        rows = list(batch[:BATCH])
        if not rows:
            return
        for row in rows:
            row.search_name = key(f"{row.given_name} {row.family_name}")
        Person.objects.bulk_update(rows, ["search_name"])
        last = rows[-1].pk


def fold(apps, schema_editor):
    _rewrite(apps, search_key)


def lower_case(apps, schema_editor):
    _rewrite(apps, str.casefold)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0004_consent_document"),
    ]

    operations = [
        migrations.RunPython(fold, lower_case),
    ]
