"""Every office of a delivery has its scheme type (0002 copied it): it is required, and
the caseworkers' catalogue has its index (office, scheme_type)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("schemes", "0002_delivery_office_scheme_type")]

    operations = [
        migrations.AlterField(
            model_name="deliveryoffice",
            name="scheme_type",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="schemes.schemetype",
            ),
        ),
        migrations.AddIndex(
            model_name="deliveryoffice",
            index=models.Index(fields=["office", "scheme_type"], name="delivery_office_type"),
        ),
    ]
