"""A decision names the benefit period on record in follow-up that stands for what it gives.
The decisions on record are linked to the periods their first grant recorded (the same
person, financial assistance, the same first and last day), and those that replace a
decision to what it was linked to."""

import django.db.models.deletion
from django.db import migrations, models


def link_decisions(apps, schema_editor):
    Decision = apps.get_model("assistance", "Decision")
    Benefit = apps.get_model("followup", "Benefit")
    taken: set[object] = set()
    for decision in Decision.objects.select_related("application").order_by("created_at"):
        benefit_id = None
        if decision.replaces_id is not None:
            benefit_id = Decision.objects.get(pk=decision.replaces_id).benefit_id
        if benefit_id is None and decision.outcome != "refused":
            found = (
                Benefit.objects.filter(
                    person_id=decision.application.person_id,
                    kind="financial_assistance",
                    starts_on=decision.period_start,
                    ends_on=decision.period_end,
                )
                .exclude(pk__in=taken)
                .order_by("created_at")
                .first()
            )
            benefit_id = found.pk if found else None
        if benefit_id is not None:
            taken.add(benefit_id)
            Decision.objects.filter(pk=decision.pk).update(benefit_id=benefit_id)


class Migration(migrations.Migration):
    dependencies = [
        ("assistance", "0001_initial"),
        ("followup", "0008_scheme_activity_portfolio"),
    ]

    operations = [
        migrations.AddField(
            model_name="decision",
            name="benefit",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="followup.benefit",
            ),
        ),
        migrations.RunPython(link_decisions, migrations.RunPython.noop),
    ]
