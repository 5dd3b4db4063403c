"""Scheme activities that wait for a place, and the portfolio's state rows keeping whether
one of the person's does and the first end date of those running, worked out here for the
rows already there."""


from django.conf import settings
from django.db import migrations, models



def scheme_ends_on(apps, schema_editor):
    state = apps.get_model("followup", "PortfolioState")
    activity = apps.get_model("followup", "Activity")
    for row in state.objects.all():
        first = (
            activity.objects.filter(person_id=row.person_id, kind="scheme", status="in_progress")
            .exclude(ends_on=None)
            .order_by("ends_on")
            .values_list("ends_on", flat=True)
            .first()
        )
        if first is not None:
            row.scheme_ends_on = first
            row.save(update_fields=["scheme_ends_on"])


class Migration(migrations.Migration):
    dependencies = [
        ("followup", "0007_activity_requirement"),
        ("organisation", "0004_office_visiting"),
        ("people", "0005_person_folded_search_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="portfoliostate",
            name="portfolio_state_office",
        ),
        migrations.AddField(
            model_name="activity",
            name="on_waiting_list",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="portfoliostate",
            name="scheme_ends_on",
            field=models.DateField(null=True),
        ),
        migrations.AddField(
            model_name="portfoliostate",
            name="scheme_waiting",
            field=models.BooleanField(default=False),
        ),
        migrations.AddIndex(
            model_name="portfoliostate",
            index=models.Index(
                fields=["office"],
                include=(
                    "period",
                    "person",
                    "person_office",
                    "caseworker",
                    "started_on",
                    "family_name",
                    "given_name",
                    "birth_date",
                    "needs_interpreter",
                    "strictly_confidential",
                    "office_employee",
                    "need_group",
                    "main_goal",
                    "waiting_for_office",
                    "waiting_for_person",
                    "next_deadline",
                    "agreed_open_until",
                    "youngest_child_born",
                    "financial_assistance_from",
                    "financial_assistance_until",
                    "nav_state_consent_from",
                    "nav_state_consent_until",
                    "qualification_assessed",
                    "livelihood_benefit_from",
                    "livelihood_benefit_until",
                    "activity_requirement_recorded",
                    "plan_overdue_from",
                    "scheme_waiting",
                    "scheme_ends_on",
                ),
                name="portfolio_state_office",
            ),
        ),
        migrations.RunPython(scheme_ends_on, migrations.RunPython.noop),
    ]
