"""The national data set's machinery (bench/national_data.py): synthetic identity numbers, the
tables and columns the rows are copied into, the set-based fill of the portfolio's state rows,
progress on the console, and the population figures the people are spread by."""

from __future__ import annotations

import csv
import datetime
import re
import sys
import time
from typing import Any

from national_vocabulary import DATA


def table(weighted: Any) -> list[Any]:
    """A list to draw from with rng.random(): each value as many times as its weight."""
    out: list[Any] = []
    for value, weight in weighted:
        out.extend([value] * weight)
    return out


# --- synthetic identity numbers ---------------------------------------------------------------

W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


class NationalIds:
    """Unique synthetic numbers (month + 80; check digits over the digits as written, as
    python-stdnum and velferd.core.identifiers compute them), the next free individual
    number per birth date: 000–499 for births before 2000, 500–999 from 2000."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = taken
        self.next: dict[int, int] = {}

    def new(self, born: datetime.date) -> str:
        stem = f"{born.day:02d}{born.month + 80:02d}{born.year % 100:02d}"
        key = born.toordinal()
        first = 0 if born.year < 2000 else 500
        n = self.next.get(key, first)
        s1 = sum(w * int(c) for w, c in zip(W1, stem, strict=False))
        s2 = sum(w * int(c) for w, c in zip(W2, stem, strict=False))
        while n < first + 500:
            a, b, c = n // 100, n // 10 % 10, n % 10
            k1 = (11 - (s1 + 4 * a + 5 * b + 2 * c)) % 11
            if k1 != 10:
                k2 = (11 - (s2 + 5 * a + 4 * b + 3 * c + 2 * k1)) % 11
                if k2 != 10:
                    number = f"{stem}{n:03d}{k1}{k2}"
                    n += 1
                    if number not in self.taken:
                        self.next[key] = n
                        return number
                    continue
            n += 1
        raise RuntimeError(f"no synthetic numbers left for {born}")


# --- the tables and their columns, in the order they are committed -----------------------------

COLUMNS = {
    "people_person": "id, created_at, updated_at, version, national_id, given_name, family_name, "
    "search_name, birth_date, municipality_id, district, office_id, address_line, postal_code, "
    "postal_town, address_protection, is_office_employee, language, needs_interpreter",
    "people_child": "person_id, given_name, birth_date",
    "people_consent": "id, created_at, updated_at, person_id, partner_service, purpose, starts_on, "
    "ends_on, document, withdrawn_at",
    "followup_followupperiod": "id, created_at, updated_at, version, person_id, office_id, "
    "caseworker_id, started_on, ended_on, end_reason",
    "followup_needsassessment": "id, created_at, updated_at, version, person_id, period_id, "
    "need_group, main_goal, reasoning, evidence, status, author_id, approver_id, "
    "approver_comment, sent_at",
    "followup_activity": "id, created_at, updated_at, version, person_id, kind, title, description, "
    "status, starts_on, ends_on, meeting_at, agreed_with_office, proposed_by_person, created_by_id",
    "followup_thread": "id, created_at, updated_at, person_id, activity_id, subject, waiting_for, "
    "read_by_person, read_by_office, last_message_at",
    "followup_message": "thread_id, author_id, author_label, from_office, text, sent_at",
    "followup_benefit": "id, created_at, updated_at, person_id, kind, degree, starts_on, ends_on",
    "followup_qualificationassessment": "created_at, updated_at, person_id, assessed_on, outcome, note",
    "followup_individualplan": "id, created_at, updated_at, version, person_id, goals",
    "followup_planmember": "plan_id, service, contact_name, is_coordinator",
    "followup_planmeasure": "id, created_at, updated_at, plan_id, text, responsible_service, "
    "deadline, done_on",
}
# Child rows of the biggest tables are shuffled within a chunk, so that one person's rows do
# not sit side by side on disk as if they had all been written on the same day.
SHUFFLED = ("followup_activity", "followup_thread", "followup_message")

# The portfolio's state rows (followup_portfoliostate), derived set-based from what was just
# loaded, as velferd.followup.portfolio_state.refresh() derives them one person at a time
# (bench/portfolio.py checks a sample of rows against refresh()). Periods are joined into
# stretches by range_agg; the stretch kept is the one holding today, else the next, else
# the last, and stale_after is its end when a later one follows.
STRETCH = """
LEFT JOIN LATERAL (
    SELECT lo, hi, CASE WHEN next_lo IS NOT NULL THEN hi END AS stale FROM (
        SELECT lower(r) AS lo, coalesce(upper(r) - 1, DATE '9999-12-31') AS hi,
               lead(lower(r)) OVER (ORDER BY lower(r)) AS next_lo
        FROM unnest((SELECT range_agg(daterange(starts_on, ends_on, '[]')) FROM {table}
                     WHERE person_id = p.person_id AND {where})) AS r
    ) s
    ORDER BY hi < CURRENT_DATE, CASE WHEN hi >= CURRENT_DATE THEN lo END, lo DESC
    LIMIT 1
) {alias} ON true
"""
FILL_PORTFOLIO_STATE = (
    """
INSERT INTO followup_portfoliostate (
    period_id, office_id, person_id, person_office_id, caseworker_id, started_on,
    family_name, given_name, birth_date, needs_interpreter, strictly_confidential,
    office_employee, need_group, main_goal, waiting_for_office, waiting_for_person,
    next_deadline, agreed_open_until, youngest_child_born, financial_assistance_from,
    financial_assistance_until, nav_state_consent_from, nav_state_consent_until,
    qualification_assessed, plan_overdue_from, stale_after)
SELECT p.id, p.office_id, p.person_id, pe.office_id, p.caseworker_id, p.started_on,
       pe.family_name, pe.given_name, pe.birth_date, pe.needs_interpreter,
       pe.address_protection IN ('strictly_confidential', 'strictly_confidential_abroad'),
       pe.is_office_employee, coalesce(d.need_group, ''), coalesce(d.main_goal, ''),
       coalesce(t.waiting_for_office, false), coalesce(t.waiting_for_person, false),
       a.next_deadline, a.agreed_open_until, c.youngest_child_born, fa.lo, fa.hi, cn.lo, cn.hi,
       q.person_id IS NOT NULL, m.plan_overdue_from, least(fa.stale, cn.stale)
FROM followup_followupperiod p
JOIN people_person pe ON pe.id = p.person_id
LEFT JOIN LATERAL (
    SELECT need_group, main_goal FROM followup_needsassessment
    WHERE person_id = p.person_id AND status = 'sent' ORDER BY sent_at DESC LIMIT 1) d ON true
LEFT JOIN (
    SELECT person_id, bool_or(waiting_for = 'office') AS waiting_for_office,
           bool_or(waiting_for = 'person') AS waiting_for_person
    FROM followup_thread GROUP BY person_id) t ON t.person_id = p.person_id
LEFT JOIN (
    SELECT person_id, min(ends_on) AS next_deadline,
           CASE WHEN bool_or(agreed_with_office AND ends_on IS NULL) THEN DATE '9999-12-31'
                ELSE max(ends_on) FILTER (WHERE agreed_with_office) END AS agreed_open_until
    FROM followup_activity WHERE status IN ('planned', 'in_progress') GROUP BY person_id
) a ON a.person_id = p.person_id
LEFT JOIN (SELECT person_id, max(birth_date) AS youngest_child_born FROM people_child
           GROUP BY person_id) c ON c.person_id = p.person_id
"""
    + STRETCH.format(table="followup_benefit", where="kind = 'financial_assistance'", alias="fa")
    + STRETCH.format(
        table="people_consent",
        where="partner_service = 'nav_state' AND withdrawn_at IS NULL",
        alias="cn",
    )
    + """
LEFT JOIN (SELECT DISTINCT person_id FROM followup_qualificationassessment) q
    ON q.person_id = p.person_id
LEFT JOIN (
    SELECT ip.person_id, min(pm.deadline) AS plan_overdue_from
    FROM followup_planmeasure pm JOIN followup_individualplan ip ON ip.id = pm.plan_id
    WHERE pm.done_on IS NULL GROUP BY ip.person_id
) m ON m.person_id = p.person_id
WHERE p.ended_on IS NULL
  AND NOT EXISTS (SELECT 1 FROM followup_portfoliostate s WHERE s.period_id = p.id)
"""
)


# --- progress ---------------------------------------------------------------------------------


class Progress:
    def __init__(self, total: int, label: str) -> None:
        self.total, self.label, self.started = total, label, time.monotonic()
        self.tty = sys.stderr.isatty()
        self.last_tenth = -1

    def update(self, done: int) -> None:
        elapsed = time.monotonic() - self.started
        share = done / self.total if self.total else 1.0
        eta = elapsed / share - elapsed if share else 0.0
        bar = "#" * int(share * 40)
        line = (
            f"[{bar:<40}] {share:6.1%} {done:,}/{self.total:,} {self.label} "
            f"{elapsed:5.0f} s, about {eta:4.0f} s to go"
        )
        if self.tty:
            print("\r" + line, end="" if done < self.total else "\n", file=sys.stderr, flush=True)
        elif int(share * 10) != self.last_tenth or done == self.total:
            self.last_tenth = int(share * 10)
            print(line, file=sys.stderr, flush=True)


# --- the generator ----------------------------------------------------------------------------


def read_csv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def apportion(total: int, weights: list[tuple[Any, int]]) -> list[tuple[Any, int]]:
    """Largest remainders: integers proportional to the weights, summing to total."""
    whole = sum(w for _, w in weights)
    exact = [(key, total * w / whole) for key, w in weights]
    out = {key: int(x) for key, x in exact}
    rest = total - sum(out.values())
    for key, _x in sorted(exact, key=lambda kx: kx[1] - int(kx[1]), reverse=True)[:rest]:
        out[key] += 1
    return [(key, out[key]) for key, _ in weights]


EMPTY_BY_TYPE = {"boolean": "false", "jsonb": "'[]'", "text": "''", "character varying": "''"}


def default_left_out_columns(cur: Any) -> None:
    """Columns added to the models after this generator was written, which its COPY and
    INSERT leave out, get their empty value as a database default (false, [], ''), so the
    data set still loads; a column of another type stops the run, naming it."""
    cur.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = 'public' AND is_nullable = 'NO' AND column_default IS NULL "
        "AND is_identity = 'NO' "
        "AND table_name = ANY(%s)",
        [[*COLUMNS, "followup_portfoliostate"]],
    )
    for table_name, column, data_type in cur.fetchall():
        listed = COLUMNS.get(table_name, FILL_PORTFOLIO_STATE)
        if re.search(rf"\b{column}\b", listed):
            continue
        if data_type not in EMPTY_BY_TYPE:
            sys.exit(f"{table_name}.{column} ({data_type}) is new: add it to the generator.")
        cur.execute(
            f"ALTER TABLE {table_name} ALTER COLUMN {column} SET DEFAULT {EMPTY_BY_TYPE[data_type]}"
        )
