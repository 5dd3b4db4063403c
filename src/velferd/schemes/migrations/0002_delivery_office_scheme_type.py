"""The offices of a delivery repeat its scheme type, for the caseworkers' catalogue's index
(office, scheme_type)."""

import django.db.models.deletion
from django.db import migrations, models


def copy_scheme_types(apps, schema_editor):  # type: ignore[no-untyped-def]
    DeliveryOffice = apps.get_model("schemes", "DeliveryOffice")
    for row in DeliveryOffice.objects.select_related("delivery"):
        row.scheme_type_id = row.delivery.scheme_type_id
        row.save(update_fields=["scheme_type"])


class Migration(migrations.Migration):
    dependencies = [("schemes", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="deliveryoffice",
            name="scheme_type",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="schemes.schemetype",
            ),
        ),
        migrations.RunPython(copy_scheme_types, migrations.RunPython.noop),
    ]
