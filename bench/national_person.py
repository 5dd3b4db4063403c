"""One generated person and everything about them, for bench/national_data.py: the person, the
follow-up periods, the §14a decision, activities, dialogue, benefits, consent, the
qualification programme assessment, children and an individual plan.

The order of the random draws is the data set's identity (the same seed gives the same data):
each part draws in the order it always has, and the parts run in the order of `person`."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from typing import Any

from national_vocabulary import (
    AGREED,
    CONSENT_PURPOSE,
    END_REASONS,
    FAMILY,
    GIVEN,
    MEASURES,
    OFFICE_TEXTS,
    PERSON_TEXTS,
    PLAN_SERVICES,
    REASONING,
    STREETS,
    SUBJECTS,
    TITLES,
)

from velferd.core.search import search_key

NULL = "\\N"
Place = tuple[str, str, str, int, int]


@dataclass
class Someone:
    """What the later parts of one person's rows need from the earlier ones."""

    pid: str
    born: datetime.date
    age: int
    given: str
    family: str
    language: str
    started: int = 0
    cw: str = ""
    cw_name: str = ""
    staff: list[tuple[str, str]] = field(default_factory=list)
    period: str = ""
    need: str | None = None
    activities: list[str] = field(default_factory=list)
    assistance_since: int | None = None


class PersonRows:
    """The rows of one person; mixed into the generator, which holds the random source, the
    drawing tables, the caseworkers and the dates."""

    rng: random.Random
    t0: int
    today: datetime.date
    ids: Any
    citizen: str
    caseworkers: dict[int, list[tuple[str, str]]]
    age_band: list[Any]
    languages: list[Any]
    need_groups: list[Any]
    main_goals: dict[str, list[Any]]
    kinds: list[Any]
    statuses: list[Any]
    activities_per_person: list[Any]
    threads_per_person: list[Any]
    messages_per_thread: list[Any]
    outcomes: list[Any]

    def uuid(self) -> str:
        raise NotImplementedError

    def day(self, ordinal: int) -> str:
        raise NotImplementedError

    def stamp(self, ordinal: int, minutes: int = 540) -> str:
        raise NotImplementedError

    def person(self, out: dict[str, list[str]], place: Place) -> None:
        who, identity = self.identity()
        self.follow_up(out, who, identity, place)
        self.decision(out, who)
        self.activities(out, who)
        self.dialogue(out, who)
        self.benefits(out, who)
        self.consent(out, who)
        self.qualification(out, who)
        self.children(out, who)
        self.individual_plan(out, who)

    def identity(self) -> tuple[Someone, tuple[str, str, bool, str, bool]]:
        r = self.rng.random
        t0 = self.t0
        low, high = self.age_band[int(r() * len(self.age_band))]
        age = low + int(r() * (high - low + 1))
        born = datetime.date.fromordinal(t0 - int(age * 365.25) - int(r() * 365))
        age = (
            self.today.year
            - born.year
            - ((self.today.month, self.today.day) < (born.month, born.day))
        )
        nid = self.ids.new(born)
        given = GIVEN[int(r() * len(GIVEN))]
        family = FAMILY[int(r() * len(FAMILY))]
        language = self.languages[int(r() * len(self.languages))]
        interpreter = language not in ("nb", "nn", "en") and r() < 0.45
        x = r()
        protection = (
            "strictly_confidential_abroad"
            if x < 0.0002
            else "strictly_confidential"
            if x < 0.001
            else "confidential"
            if x < 0.005
            else "none"
        )
        employee = r() < 0.003
        who = Someone(self.uuid(), born, age, given, family, language)
        return who, (nid, protection, employee, language, interpreter)

    def follow_up(
        self,
        out: dict[str, list[str]],
        who: Someone,
        identity: tuple[str, str, bool, str, bool],
        place: Place,
    ) -> None:
        """The person's row and their follow-up: the open period (and for some an earlier one)."""
        r, t0, day, stamp, uuid = self.rng.random, self.t0, self.day, self.stamp, self.uuid
        municipality, town, district, office, _ = place
        nid, protection, employee, language, interpreter = identity
        pid, born, given, family = who.pid, who.born, who.given, who.family
        started = (
            t0 - int(r() * 14)
            if r() < 0.02
            else t0 - 15 - min(2400, int(self.rng.expovariate(1 / 420)))
        )
        staff = self.caseworkers[office]
        cw, cw_name = staff[int(r() * len(staff))]
        assigned = r() < 0.9
        created = stamp(started, 480 + int(r() * 480))
        out["people_person"].append(
            f"{pid}\t{created}\t{created}\t1\t{nid}\t{given}\t{family}\t"
            f"{search_key(f'{given} {family}')}\t{born.isoformat()}\t{municipality}\t{district}\t"
            f"{office}\t{STREETS[int(r() * len(STREETS))]} {1 + int(r() * 120)}\t"
            f"{int(r() * 10000):04d}\t{town}\t{protection}\t{'t' if employee else 'f'}\t{language}\t"
            f"{'t' if interpreter else 'f'}\n"
        )
        periods = out["followup_followupperiod"]
        if r() < 0.12:
            before_end = started - 30 - int(r() * 600)
            before_start = before_end - 60 - int(r() * 700)
            periods.append(
                f"{uuid()}\t{stamp(before_start)}\t{stamp(before_end)}\t2\t{pid}\t{office}\t"
                f"{cw if r() < 0.8 else NULL}\t{day(before_start)}\t{day(before_end)}\t"
                f"{END_REASONS[int(r() * len(END_REASONS))]}\n"
            )
        period = uuid()
        periods.append(
            f"{period}\t{created}\t{created}\t1\t{pid}\t{office}\t{cw if assigned else NULL}\t"
            f"{day(started)}\t\\N\t\n"
        )
        who.started, who.cw, who.cw_name, who.staff, who.period = (
            started,
            cw,
            cw_name,
            staff,
            period,
        )

    def decision(self, out: dict[str, list[str]], who: Someone) -> None:
        """§14a decision: sent for ~80 %, a draft or one awaiting approval for a few more."""
        r, t0, stamp, uuid = self.rng.random, self.t0, self.stamp, self.uuid
        pid, period, started, cw, staff = who.pid, who.period, who.started, who.cw, who.staff
        x = r()
        if x >= 0.84:
            return
        need = self.need_groups[int(r() * len(self.need_groups))]
        goals = self.main_goals[need]
        goal = goals[int(r() * len(goals))]
        sent_day = min(t0 - 1, started + 10 + int(r() * 50))
        sent = x < 0.80 and started < t0 - 10
        status = (
            "sent"
            if sent
            else ("awaiting_approval" if need in ("partially_permanent", "permanent") else "draft")
        )
        # The permanent groups need a second approver: another caseworker of the office.
        other = staff[1][0] if staff[0][0] == cw else staff[0][0]
        approver = (
            other if need in ("partially_permanent", "permanent") and status == "sent" else NULL
        )
        if sent and r() < 0.08:  # an earlier decision, since superseded
            old = self.need_groups[int(r() * len(self.need_groups))]
            old_day = max(started, sent_day - 120 - int(r() * 300))
            out["followup_needsassessment"].append(
                f"{uuid()}\t{stamp(old_day)}\t{stamp(old_day)}\t3\t{pid}\t{period}\t{old}\t"
                f"{self.main_goals[old][0]}\t{REASONING[old]}\t\tsent\t{cw}\t"
                f"{other if old in ('partially_permanent', 'permanent') else NULL}\t\t"
                f"{stamp(old_day, 600)}\n"
            )
        out["followup_needsassessment"].append(
            f"{uuid()}\t{stamp(sent_day, 500)}\t{stamp(sent_day, 600)}\t{3 if sent else 1}\t{pid}\t"
            f"{period}\t{need}\t{goal}\t{REASONING[need]}\tSamtale og egenvurdering.\t{status}\t{cw}\t"
            f"{approver}\t\t{stamp(sent_day, 600) if sent else NULL}\n"
        )
        who.need = need

    def activities(self, out: dict[str, list[str]], who: Someone) -> None:
        r = self.rng.random
        meeting_today = r() < 0.005
        for n in range(
            self.activities_per_person[int(r() * len(self.activities_per_person))] + meeting_today
        ):
            kind = "meeting" if meeting_today and n == 0 else self.kinds[int(r() * len(self.kinds))]
            status = (
                "planned"
                if meeting_today and n == 0
                else self.statuses[int(r() * len(self.statuses))]
            )
            self.activity(out, who, kind, status, meeting_today and n == 0)

    def activity(
        self, out: dict[str, list[str]], who: Someone, kind: str, status: str, today: bool
    ) -> None:
        r, t0, day, stamp = self.rng.random, self.t0, self.day, self.stamp
        started, cw = who.started, who.cw
        titles = TITLES[kind]
        agreed = r() * 100 < AGREED[kind]
        by_person = not agreed and r() < 0.3
        locked = status in ("completed", "cancelled")
        starts = started + int(r() * max(1, t0 - started + (0 if locked else 30)))
        meeting = NULL
        if kind in ("meeting", "meeting_notes"):
            if today:
                when = t0
            elif status in ("planned", "proposed"):
                when = t0 + 1 + int(r() * 30)
            else:
                when = min(starts, t0 - 1)
            starts = ends = when
            if kind == "meeting":
                meeting = stamp(when, 510 + 15 * int(r() * 28))
            ends_s = day(ends)
        elif status in ("planned", "in_progress", "proposed"):
            if r() < 0.08:  # overdue
                ends = t0 - 1 - int(r() * 60)
                starts = min(starts, ends - 14 - int(r() * 60))
            else:
                ends = max(starts, t0) + int(r() * 180)
            ends_s = NULL if r() < 0.1 else day(ends)
        else:
            ends = max(starts, min(t0 - 1, starts + int(r() * 120)))
            ends_s = day(ends)
        aid = self.uuid()
        who.activities.append(aid)
        created = stamp(min(starts, t0), 480 + int(r() * 480))
        out["followup_activity"].append(
            f"{aid}\t{created}\t{created}\t{1 if status in ('proposed', 'planned') else 2}\t"
            f"{who.pid}\t{kind}\t{titles[int(r() * len(titles))]}\t\t{status}\t{day(starts)}\t"
            f"{ends_s}\t{meeting}\t{'t' if agreed else 'f'}\t{'t' if by_person else 'f'}\t"
            f"{self.citizen if by_person else cw}\n"
        )

    def dialogue(self, out: dict[str, list[str]], who: Someone) -> None:
        r = self.rng.random
        for _ in range(self.threads_per_person[int(r() * len(self.threads_per_person))]):
            self.thread(out, who)

    def thread(self, out: dict[str, list[str]], who: Someone) -> None:
        r, t0, stamp = self.rng.random, self.t0, self.stamp
        messages, cw, cw_name, ids = out["followup_message"], who.cw, who.cw_name, who.activities
        name = f"{who.given} {who.family}"
        tid = self.uuid()
        first = max(who.started, t0 - int(r() * 400))
        minute = 480 + int(r() * 600)
        count = self.messages_per_thread[int(r() * len(self.messages_per_thread))]
        from_office = r() < 0.45
        at = first
        for m in range(count):
            if from_office:
                messages.append(
                    f"{tid}\t{cw}\t{cw_name}\tt\t{OFFICE_TEXTS[int(r() * 6)]}\t{stamp(at, minute)}\n"
                )
            else:
                messages.append(
                    f"{tid}\t{self.citizen}\t{name}\tf\t{PERSON_TEXTS[int(r() * 6)]}\t"
                    f"{stamp(at, minute)}\n"
                )
            if m < count - 1:
                at = min(t0, at + int(r() * 5))
                from_office = not from_office
        recent = t0 - at
        if not from_office:
            waiting = "office" if recent <= 30 else "nobody"
        else:
            waiting = "person" if recent <= 60 and r() < 0.4 else "nobody"
        read_office = "f" if (not from_office and recent <= 30) else "t"
        read_person = "f" if (from_office and r() < 0.3) else "t"
        activity = ids[int(r() * len(ids))] if ids and r() < 0.2 else NULL
        out["followup_thread"].append(
            f"{tid}\t{stamp(first, minute)}\t{stamp(at, minute)}\t{who.pid}\t{activity}\t"
            f"{SUBJECTS[int(r() * len(SUBJECTS))]}\t{waiting}\t{read_person}\t{read_office}\t"
            f"{stamp(at, minute)}\n"
        )

    def benefits(self, out: dict[str, list[str]], who: Someone) -> None:
        r, t0, day, stamp = self.rng.random, self.t0, self.day, self.stamp
        age, language = who.age, who.language
        for kind, chance in (
            ("financial_assistance", 0.18 if age < 30 else 0.06),
            ("work_assessment_allowance", 0.05 if age < 30 else 0.115),
            ("sickness_benefit", 0.035),
            ("unemployment_benefit", 0.035),
            ("disability_benefit", 0.045 if age >= 40 else 0.01),
            ("qualification_benefit", 0.01),
            ("introduction_benefit", 0.04 if language not in ("nb", "nn") else 0.002),
            ("transitional_benefit", 0.008),
        ):
            if r() >= chance:
                continue
            starts = t0 - 1 - int(r() * 900)
            ended = r() < 0.25
            until = NULL if not ended else day(min(t0 - 1, starts + 30 + int(r() * 300)))
            if kind == "financial_assistance" and not ended:
                who.assistance_since = starts
            degree = str(50 + 10 * int(r() * 6)) if kind == "disability_benefit" else NULL
            created = stamp(starts)
            out["followup_benefit"].append(
                f"{self.uuid()}\t{created}\t{created}\t{who.pid}\t{kind}\t{degree}\t{day(starts)}\t"
                f"{until}\n"
            )

    def consent(self, out: dict[str, list[str]], who: Someone) -> None:
        """Consent to NAV's state side (mostly where there are municipal records)."""
        r, t0, day, stamp = self.rng.random, self.t0, self.day, self.stamp
        if r() < (0.6 if who.assistance_since is not None else 0.03):
            cs = max(who.started, t0 - int(r() * 300))
            withdrawn = stamp(cs + 20) if r() < 0.05 and cs + 20 < t0 else NULL
            created = stamp(cs)
            out["people_consent"].append(
                f"{self.uuid()}\t{created}\t{created}\t{who.pid}\tnav_state\t{CONSENT_PURPOSE}\t"
                f"{day(cs)}\t{day(cs + 365)}\tSamtykkeskjema {day(cs)}\t{withdrawn}\n"
            )

    def qualification(self, out: dict[str, list[str]], who: Someone) -> None:
        """The qualification programme assessment, for some of its target group."""
        r, t0, day, stamp = self.rng.random, self.t0, self.day, self.stamp
        since = who.assistance_since
        if (
            since is not None
            and t0 - since > 182
            and who.need in ("specially_adapted", "partially_permanent")
            and r() < 0.4
        ) or r() < 0.005:
            on = t0 - int(r() * 120)
            outcome = self.outcomes[int(r() * len(self.outcomes))]
            out["followup_qualificationassessment"].append(
                f"{stamp(on)}\t{stamp(on)}\t{who.pid}\t{day(on)}\t{outcome}\t\n"
            )

    def children(self, out: dict[str, list[str]], who: Someone) -> None:
        r, t0, day = self.rng.random, self.t0, self.day
        if r() < 0.25:
            for _ in range(1 + int(r() * r() * 3.2)):
                child_born = max(who.born.toordinal() + 18 * 365, t0 - int(r() * 22 * 365))
                out["people_child"].append(
                    f"{who.pid}\t{GIVEN[int(r() * len(GIVEN))]}\t{day(min(child_born, t0))}\n"
                )

    def individual_plan(self, out: dict[str, list[str]], who: Someone) -> None:
        """Individual plans, for a few."""
        r, t0, day, stamp = self.rng.random, self.t0, self.day, self.stamp
        if r() >= 0.02:
            return
        plan = self.uuid()
        created = stamp(max(who.started, t0 - 500))
        out["followup_individualplan"].append(
            f"{plan}\t{created}\t{created}\t1\t{who.pid}\tKomme i arbeid\n"
        )
        out["followup_planmember"].append(f"{plan}\tnav\t{who.cw_name}\tt\n")
        for service in self.rng.sample(PLAN_SERVICES, 1 + int(r() * 2)):
            out["followup_planmember"].append(f"{plan}\t{service}\t\tf\n")
        for _ in range(1 + int(r() * 4)):
            deadline = t0 - 90 + int(r() * 270)
            done = day(deadline - int(r() * 20)) if deadline < t0 and r() < 0.7 else NULL
            out["followup_planmeasure"].append(
                f"{self.uuid()}\t{created}\t{created}\t{plan}\t"
                f"{MEASURES[int(r() * len(MEASURES))]}\tnav\t{day(deadline)}\t{done}\n"
            )
