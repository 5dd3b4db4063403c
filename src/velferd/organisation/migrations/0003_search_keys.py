"""Municipalities and offices are searched by a folded key (velferd.core.search): "tromso"
finds Tromsø. Offices get the key; both get it filled."""

from django.db import migrations, models

from velferd.core.search import search_key


def fill_search_keys(apps, schema_editor):
    for model in ("Municipality", "Office"):
        rows = list(apps.get_model("organisation", model).objects.all())
        name = "name" if model == "Municipality" else "name_nb"
        for row in rows:
            row.search_name = search_key(getattr(row, name))
        apps.get_model("organisation", model).objects.bulk_update(rows, ["search_name"])


def lower_cased_names(apps, schema_editor):
    Municipality = apps.get_model("organisation", "Municipality")
    rows = list(Municipality.objects.all())
    for row in rows:
        row.search_name = row.name.casefold()
    Municipality.objects.bulk_update(rows, ["search_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0002_service_legal_basis"),
    ]

    operations = [
        migrations.AddField(
            model_name="office",
            name="search_name",
            field=models.CharField(default="", editable=False, max_length=200),
        ),
        migrations.RunPython(fill_search_keys, lower_cased_names),
    ]
