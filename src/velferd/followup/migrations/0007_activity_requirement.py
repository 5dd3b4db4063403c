"""The activity requirement under 30 (Social Services Act § 20 a) on record; the portfolio's
state rows keep whether one is recorded and the stretch of state livelihood benefits that
holds today (the qualification programme's target group has none or very limited ones),
worked out here for the rows already there."""

import datetime

import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


LIVELIHOOD = (
    "work_assessment_allowance",
    "disability_benefit",
    "unemployment_benefit",
    "sickness_benefit",
    "transitional_benefit",
)
OPEN_ENDED = datetime.date.max


def _stretches(periods):
    joined = []
    for start, end in sorted((s, e or OPEN_ENDED) for s, e in periods):
        follows = joined and (joined[-1][1] == OPEN_ENDED or start <= joined[-1][1] + datetime.timedelta(days=1))
        if follows:
            joined[-1][1] = max(joined[-1][1], end)
        else:
            joined.append([start, end])
    return joined


def livelihood_stretches(apps, schema_editor):
    """As portfolio_state.refresh would write them: the stretch that holds today, else the
    next, else the last; stale_after moved up when a later stretch takes over."""
    state = apps.get_model("followup", "PortfolioState")
    benefit = apps.get_model("followup", "Benefit")
    today = timezone.localdate()
    for row in state.objects.all():
        found = _stretches(
            benefit.objects.filter(person_id=row.person_id, kind__in=LIVELIHOOD).values_list(
                "starts_on", "ends_on"
            )
        )
        if not found:
            continue
        index = next((i for i, (_, end) in enumerate(found) if end >= today), len(found) - 1)
        start, end = found[index]
        row.livelihood_benefit_from, row.livelihood_benefit_until = start, end
        if index + 1 < len(found) and end >= today:
            row.stale_after = min(d for d in (row.stale_after, end) if d is not None)
        row.save(update_fields=["livelihood_benefit_from", "livelihood_benefit_until", "stale_after"])


class Migration(migrations.Migration):

    dependencies = [
        ('followup', '0006_decision_sources_and_appeals'),
        ('organisation', '0002_service_legal_basis'),
        ('people', '0004_consent_document'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ActivityRequirement',
            fields=[
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('outcome', models.CharField(choices=[('condition_set', 'Condition of activity set'), ('exempt', 'Exempt for weighty reasons')], max_length=16)),
                ('decided_on', models.DateField()),
                ('activity', models.CharField(blank=True, max_length=500)),
                ('exemption_reason', models.CharField(blank=True, choices=[('health', 'Health'), ('care_responsibilities', 'Care for children or relatives'), ('social_circumstances', 'Social circumstances'), ('in_work_or_education', 'Already in work or education'), ('other', 'Other weighty reason')], max_length=32)),
                ('exemption_other', models.CharField(blank=True, max_length=500)),
            ],
            options={
                'ordering': ['-decided_on', '-created_at'],
            },
        ),
        migrations.RemoveIndex(
            model_name='portfoliostate',
            name='portfolio_state_office',
        ),
        migrations.AddField(
            model_name='portfoliostate',
            name='activity_requirement_recorded',
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name='portfoliostate',
            name='livelihood_benefit_from',
            field=models.DateField(null=True),
        ),
        migrations.AddField(
            model_name='portfoliostate',
            name='livelihood_benefit_until',
            field=models.DateField(null=True),
        ),
        migrations.AddIndex(
            model_name='portfoliostate',
            index=models.Index(fields=['office'], include=('period', 'person', 'person_office', 'caseworker', 'started_on', 'family_name', 'given_name', 'birth_date', 'needs_interpreter', 'strictly_confidential', 'office_employee', 'need_group', 'main_goal', 'waiting_for_office', 'waiting_for_person', 'next_deadline', 'agreed_open_until', 'youngest_child_born', 'financial_assistance_from', 'financial_assistance_until', 'nav_state_consent_from', 'nav_state_consent_until', 'qualification_assessed', 'livelihood_benefit_from', 'livelihood_benefit_until', 'activity_requirement_recorded', 'plan_overdue_from'), name='portfolio_state_office'),
        ),
        migrations.AddField(
            model_name='activityrequirement',
            name='person',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='activity_requirements', to='people.person'),
        ),
        migrations.AddField(
            model_name='activityrequirement',
            name='recorded_by',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddIndex(
            model_name='activityrequirement',
            index=models.Index(fields=['person', 'decided_on'], name='followup_ac_person__3967c3_idx'),
        ),
        migrations.AddConstraint(
            model_name='activityrequirement',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('exemption_reason', ''), ('outcome', 'condition_set'), models.Q(('activity', ''), _negated=True)), models.Q(('activity', ''), ('outcome', 'exempt'), models.Q(('exemption_reason', ''), _negated=True)), _connector='OR'), name='activity_requirement_outcome_fields'),
        ),
        migrations.RunPython(livelihood_stretches, migrations.RunPython.noop),
    ]
