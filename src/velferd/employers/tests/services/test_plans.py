"""The action plan: sub-themes and deliveries."""

from __future__ import annotations

from typing import Any

import pytest

from velferd.access.actor import Actor
from velferd.employers import selectors, services
from velferd.employers.models import (
    Cooperation,
    SubTheme,
)

from ..writes import DAY, TODAY, actions_since, audit_mark, moved, refused

pytestmark = pytest.mark.django_db


class TestPlan:
    def add(self, advisor: Actor, cooperation: Cooperation, **changes: Any) -> SubTheme:
        fields: dict[str, Any] = {
            "theme": "working_environment",
            "title": "Bedre turnus",
            "goal": "Færre korte fravær",
            "starts_on": TODAY(),
            "ends_on": TODAY() + 30 * DAY,
        }
        return services.sub_theme_add(
            actor=advisor, cooperation=cooperation, **{**fields, **changes}
        )

    def test_a_sub_theme_is_added_planned_and_audited(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        seq = audit_mark()
        sub_theme = self.add(advisor, cooperation)
        assert sub_theme.status == "planned"
        assert actions_since(seq) == ["sub_theme.added"]
        plan = selectors.plan_of(cooperation)
        assert [t.theme for t in plan] == ["partnership", "sick_leave", "working_environment"]
        assert plan[2].sub_themes == [sub_theme]

    def test_the_end_cannot_come_before_the_start(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        error = refused(lambda: self.add(advisor, cooperation, ends_on=TODAY() - DAY))
        assert (error.code, error.field, error.status) == ("ends_before_start", "ends_on", 422)
        same_day = self.add(advisor, cooperation, ends_on=TODAY())
        assert same_day.ends_on == same_day.starts_on

    def test_a_status_change_follows_the_table(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        sub_theme = self.add(advisor, cooperation)
        cancelled = services.sub_theme_change(
            actor=advisor, sub_theme=sub_theme, version=sub_theme.version, status="cancelled"
        )
        error = refused(
            lambda: services.sub_theme_change(
                actor=advisor, sub_theme=cancelled, version=cancelled.version, status="done"
            )
        )
        assert (error.code, error.status) == ("invalid_transition", 409)

    def test_nothing_is_added_to_a_closed_cooperation(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        closed = moved(advisor, cooperation, "assess", "skip", reason="enterprise_declined")
        error = refused(lambda: self.add(advisor, closed))
        assert (error.code, error.status) == ("cooperation_closed", 409)

    def test_a_delivery_is_overdue_after_its_deadline_until_delivered(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        seq = audit_mark()
        delivery = services.delivery_add(
            actor=advisor,
            cooperation=cooperation,
            kind="labour_inspection",
            deadline=TODAY() - DAY,
        )
        assert delivery.is_overdue
        delivered = services.delivery_change(
            actor=advisor, delivery=delivery, version=delivery.version, status="delivered"
        )
        assert (delivered.is_overdue, delivered.delivered_on) == (False, TODAY())
        assert actions_since(seq) == ["delivery.added", "delivery.changed"]

    def test_a_delivery_needs_a_known_kind_and_a_deadline(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        error = refused(
            lambda: services.delivery_add(
                actor=advisor, cooperation=cooperation, kind="party", deadline=TODAY()
            )
        )
        assert error.field == "kind"
        error = refused(
            lambda: services.delivery_add(
                actor=advisor, cooperation=cooperation, kind="training", deadline=None
            )
        )
        assert error.field == "deadline"
