"""Generator of a synthetic national data set for the portfolio benchmark (bench/portfolio.py).

    DATABASE_URL=postgres://... .venv/bin/python bench/national_data.py [--scale 1.0] [--seed 2026]

Run it against a database migrated and loaded with `velferd migrate`, `velferd
load-reference` and `velferd load-demo` (PostgreSQL only). At scale 1.0 it inserts:

- 1,000,000 people in follow-up, spread over the offices of the registry in proportion to
  the population of the municipalities they serve (bench/data/, approximate 2024 figures;
  Oslo's and Bergen's over their district offices), each with an open follow-up period
  (~90 % with a caseworker) and ~12 % with an earlier, ended one;
- ~5,000,000 activities (a mix of kinds and statuses; some agreed with the office, some
  overdue, a few meetings today), ~770,000 dialogue threads with ~2,000,000 messages (some
  waiting for the office, some for the person), ~300,000 benefit periods (financial
  assistance mostly for the under-30s, and the state benefits), §14a decisions sent for
  ~80 % of people (standard 35 %, situation-specific 35 %, specially adapted 20 %, partially
  permanent 6 %, permanent 4 %), children for ~25 %, consents to NAV's state side, a few
  qualification programme assessments and individual plans;
- one caseworker (caseworker_state) per ~150 people at every office (at least two), and one
  municipal caseworker per office, as users `bench-<unit>-<n>` without a usable password;
  the person's side of the dialogue is written by one user, `bench-innbygger`.

Identity numbers are synthetic (month + 80, check digits over the digits as written),
unique, and never clash with those already in the database. Everything is drawn from one
seeded generator: the same seed and scale give the same data (today's date aside: dates are
laid out around the day of the run). Rows go in with COPY into the migrated schema (its
constraints, indexes and deferred foreign keys in place), in chunks of people committed one
by one while the next chunk is generated; then VACUUM (ANALYZE). Nothing is dropped or
recreated; the run refuses a database that already holds generated people.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import os
import queue
import random
import re
import sys
import threading
import time
import zoneinfo
from collections import defaultdict
from pathlib import Path
from typing import Any

import psycopg

from velferd.core.search import search_key

DATA = Path(__file__).resolve().parent / "data"
TZ = zoneinfo.ZoneInfo("Europe/Oslo")
PEOPLE_AT_SCALE_1 = 1_000_000
PEOPLE_PER_CASEWORKER = 150
CHUNK = 10_000

# --- vocabulary -------------------------------------------------------------------------------

# fmt: off
GIVEN = [
    "Ola", "Kari", "Per", "Anne", "Lars", "Ingrid", "Jon", "Marit", "Knut", "Liv", "Hans", "Eva",
    "Arne", "Nina", "Bjørn", "Tone", "Erik", "Hilde", "Geir", "Heidi", "Tor", "Silje", "Odd",
    "Camilla", "Rune", "Ida", "Svein", "Maria", "Terje", "Nora", "Morten", "Emma", "Trond", "Sara",
    "Espen", "Kjetil", "Linn", "Stian", "Mari", "Magnus", "Thea", "Jonas", "Sofie", "Henrik",
    "Julie", "Sander", "Hanne", "Emil", "Line", "Mathias", "Astrid", "Kristian", "Marte", "Øyvind",
    "Åse", "Håkon", "Solveig", "Mohammed", "Fatima", "Ahmed", "Amina", "Ali", "Aisha",
    "Abdirahman", "Hodan", "Piotr", "Anna", "Tomasz", "Agnieszka", "Olena", "Oleksandr", "Yonas",
    "Selam", "Tesfay", "Mulu", "Adam", "Zainab", "Omar", "Mariam", "Hassan", "Leila", "Daniel",
    "Ewa", "Andrzej", "Iryna", "Dmytro", "Ibrahim", "Khadija", "Yusuf", "Asha", "Goran", "Vesna",
    "Nguyen", "Linh", "Ana", "Juan",
]
FAMILY = [
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
    "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
    "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen", "Lund",
    "Sørensen", "Jakobsen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen",
    "Eide", "Knutsen", "Martinsen", "Paulsen", "Bakken", "Kristoffersen", "Mathisen", "Lie",
    "Amundsen", "Nguyen", "Rasmussen", "Ali", "Lunde", "Solheim", "Berge", "Moe", "Nygård",
    "Bakke", "Kristensen", "Fredriksen", "Holm", "Lien", "Hauge", "Christensen", "Andresen",
    "Nielsen", "Knudsen", "Evensen", "Sæther", "Aas", "Myhre", "Hanssen", "Ahmed", "Haugland",
    "Thomassen", "Sivertsen", "Simonsen", "Danielsen", "Berntsen", "Sandvik", "Rønning", "Arnesen",
    "Antonsen", "Næss", "Vik", "Haug", "Ellingsen", "Thorsen", "Edvardsen", "Birkeland", "Isaksen",
    "Gulbrandsen", "Ruud", "Aasen", "Strøm", "Myklebust", "Tangen", "Ødegård", "Eliassen",
    "Helland", "Bøe", "Jenssen", "Aune", "Mikkelsen", "Tveit", "Brekke", "Abrahamsen", "Madsen",
    "Mohamed", "Hussein", "Abdi", "Nowak", "Kowalski", "Wiśniewski", "Kovalenko", "Shevchenko",
    "Tesfamariam", "Haile", "Yilmaz", "Hassan", "Rahimi", "Tran", "Pham", "Le", "Petrović",
    "Hodžić", "García",
]
STREETS = [
    "Storgata", "Kirkegata", "Skolegata", "Parkveien", "Strandveien", "Bakkeveien",
    "Industriveien", "Fjellveien", "Nedregate", "Øvregate", "Sjøgata", "Jernbanegata", "Elvegata",
    "Hagaveien", "Solbakken", "Granveien", "Bjørkeveien", "Furuveien", "Rådhusgata", "Torggata",
]
# fmt: on
LANGUAGES = (
    ("nb", 82),
    ("nn", 3),
    ("en", 3),
    ("ar", 3),
    ("so", 2),
    ("pl", 2),
    ("ti", 2),
    ("uk", 3),
)
AGE_BANDS = ((18, 24, 15), (25, 29, 13), (30, 39, 24), (40, 49, 20), (50, 59, 18), (60, 67, 10))
NEED_GROUPS = (
    ("standard", 35),
    ("situation_specific", 35),
    ("specially_adapted", 20),
    ("partially_permanent", 6),
    ("permanent", 4),
)
MAIN_GOALS = {
    "standard": (("get_work", 75), ("keep_work", 20), ("increase_participation", 5)),
    "situation_specific": (("get_work", 60), ("keep_work", 25), ("increase_participation", 15)),
    "specially_adapted": (("get_work", 45), ("keep_work", 20), ("increase_participation", 35)),
    "partially_permanent": (("get_work", 20), ("keep_work", 40), ("increase_participation", 40)),
    "permanent": (("get_work", 5), ("keep_work", 15), ("increase_participation", 80)),
}
REASONING = {
    "standard": "Du har arbeidserfaring og kan skaffe deg jobb selv med litt veiledning.",
    "situation_specific": "Du trenger hjelp fra NAV en periode for å komme i jobb.",
    "specially_adapted": "Helsen din gjør at du trenger tett oppfølging og tiltak.",
    "partially_permanent": "Du kan jobbe redusert med tilrettelegging, og det vil vare.",
    "permanent": "Du har varig nedsatt arbeidsevne og trenger varig tilpasset innsats.",
}
ACTIVITY_KINDS = (
    ("job_application", 25),
    ("own_activity", 14),
    ("meeting", 15),
    ("meeting_notes", 7),
    ("scheme", 10),
    ("education", 6),
    ("work_trial", 6),
    ("treatment", 9),
    ("job_from_office", 8),
)
TITLES = {
    "job_application": (
        "Søk fire jobber i uka",
        "Søknad: lagermedarbeider",
        "Søknad: butikkmedarbeider",
        "Søknad: renholder",
        "Søknad: sjåfør",
        "Søknad: helsefagarbeider",
    ),
    "own_activity": (
        "Trene tre ganger i uka",
        "Oppdatere CV",
        "Norskkurs på kveldstid",
        "Lage en jobbsøkerprofil",
    ),
    "meeting": ("Oppfølgingsmøte", "Samtale om arbeidsevne", "Møte med arbeidsgiver"),
    "meeting_notes": ("Referat fra oppfølgingsmøte", "Referat fra dialogmøte"),
    "scheme": (
        "Jobbsøkerkurs",
        "Arbeidsforberedende trening",
        "Avklaring",
        "Oppfølging hos leverandør",
    ),
    "education": ("Fagbrev i helsearbeiderfaget", "Truckførerkurs", "Norskopplæring"),
    "work_trial": (
        "Arbeidstrening i butikk",
        "Arbeidstrening på lager",
        "Arbeidstrening i kantine",
    ),
    "treatment": (
        "Behandling hos fysioterapeut",
        "Samtaler hos psykolog",
        "Poliklinisk behandling",
    ),
    "job_from_office": (
        "Stilling foreslått av NAV: kokk",
        "Stilling foreslått av NAV: vekter",
        "Stilling foreslått av NAV: barnehageassistent",
    ),
}
# Share agreed with the office, by kind (percent).
AGREED = {
    "job_application": 55,
    "own_activity": 20,
    "meeting": 30,
    "meeting_notes": 0,
    "scheme": 90,
    "education": 75,
    "work_trial": 90,
    "treatment": 40,
    "job_from_office": 50,
}
STATUSES = (
    ("proposed", 5),
    ("planned", 22),
    ("in_progress", 18),
    ("completed", 42),
    ("cancelled", 13),
)
# Activities per person (mean 5.0), threads per person (mean 0.77), messages per thread (mean 2.62).
ACTIVITIES_PER_PERSON = (
    (0, 5),
    (1, 7),
    (2, 11),
    (3, 12),
    (4, 12),
    (5, 12),
    (6, 10),
    (7, 9),
    (8, 8),
    (9, 6),
    (10, 4),
    (11, 2),
    (12, 2),
)
THREADS_PER_PERSON = ((0, 50), (1, 30), (2, 13), (3, 7))
MESSAGES_PER_THREAD = ((1, 27), (2, 25), (3, 22), (4, 15), (5, 7), (6, 4))
SUBJECTS = (
    "Spørsmål om aktivitetsplanen",
    "Endring i situasjonen min",
    "Spørsmål om kurset",
    "Innkalling til møte",
    "Legeerklæring",
    "Spørsmål om utbetaling",
    "Jobbsøknader",
    "Timeavtale",
    "Melding fra veilederen din",
)
PERSON_TEXTS = (
    "Hei! Jeg lurer på når neste møte er.",
    "Jeg har sendt fire søknader denne uka.",
    "Jeg er syk i dag og kan ikke komme.",
    "Kan vi flytte møtet til neste uke?",
    "Legeerklæringen er sendt fra fastlegen.",
    "Takk for hjelpen!",
)
OFFICE_TEXTS = (
    "Hei! Møtet er tirsdag klokka ti.",
    "Takk for oppdateringen. Fortsett slik.",
    "Kan du laste opp legeerklæringen?",
    "Du har fått plass på jobbsøkerkurset.",
    "Husk å oppdatere CV-en din før møtet.",
    "Vi har flyttet møtet. Passer torsdag?",
)
END_REASONS = ("Kom i arbeid", "Flyttet", "Begynte på utdanning", "Fikk uføretrygd", "Avsluttet")
CONSENT_PURPOSE = "Samarbeid om oppfølging og økonomisk sosialhjelp"
PLAN_SERVICES = ("gp", "municipal_health_care", "specialist_health", "fact_team", "child_welfare")
MEASURES = (
    "Avklare arbeidsevne",
    "Søke om bolig",
    "Starte behandling",
    "Møte med fastlegen",
    "Søke om arbeidstrening",
    "Følge opp skolegang",
)
OUTCOMES = (("offered", 45), ("not_entitled", 40), ("declined", 15))


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


class Generator:
    def __init__(self, conn: psycopg.Connection, scale: float, seed: int) -> None:
        self.conn = conn
        self.rng = random.Random(seed)
        self.people = round(PEOPLE_AT_SCALE_1 * scale)
        self.today = datetime.datetime.now(TZ).date()
        self.t0 = self.today.toordinal()
        base = self.t0 - 40_000
        self.iso_base = base
        self.iso = [datetime.date.fromordinal(base + i).isoformat() for i in range(41_000)]
        self.counts: dict[str, int] = defaultdict(int)

    # helpers
    def uuid(self) -> str:
        x = self.rng.getrandbits(128)
        x = (x & ~(0xF << 76) | (4 << 76)) & ~(0x3 << 62) | (0x2 << 62)
        return f"{x:032x}"

    def day(self, ordinal: int) -> str:
        return self.iso[ordinal - self.iso_base]

    def stamp(self, ordinal: int, minutes: int = 540) -> str:
        return f"{self.iso[ordinal - self.iso_base]} {minutes // 60:02d}:{minutes % 60:02d}:00"

    # reference data
    def places(self) -> list[tuple[str, str, str, int, int]]:
        """(municipality, its name, district, office id, people) for every office area."""
        with self.conn.cursor() as cur:
            cur.execute("SELECT municipality_id, district, office_id FROM organisation_officearea")
            areas = {(m, d): o for m, d, o in cur.fetchall()}
        if not areas:
            sys.exit("No offices: run `velferd load-reference` and `velferd load-demo` first.")
        towns = {}
        weights: list[tuple[Any, int]] = []
        districts = defaultdict(list)
        for row in read_csv("district_population.csv"):
            districts[row["municipality_number"]].append((row["district"], int(row["population"])))
        for row in read_csv("municipal_population.csv"):
            number = row["municipality_number"]
            towns[number] = row["name"]
            if number in districts:
                for district, population in districts[number]:
                    weights.append(((number, district), population))
            else:
                weights.append(((number, ""), int(row["population"])))
        missing = [key for key, _ in weights if key not in areas]
        if missing:
            sys.exit(f"No office serves {missing[:5]}: is the registry loaded?")
        return [(m, towns[m], d, areas[(m, d)], n) for (m, d), n in apportion(self.people, weights)]

    def create_users(self, per_office: dict[int, int], units: dict[int, str]) -> None:
        """Caseworkers (caseworker_state) and one municipal caseworker per office; the person's
        side of the dialogue is written by one citizen user."""
        rng = self.rng
        self.caseworkers: dict[int, list[tuple[str, str]]] = {}
        users, roles = [], []
        joined = self.stamp(self.t0 - 400)
        for office, people in sorted(per_office.items()):
            count = max(2, -(-people // PEOPLE_PER_CASEWORKER))
            staff = []
            for n in range(count + 1):
                uid = self.uuid()
                name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
                username = f"bench-{units[office]}-{n + 1:03d}"
                users.append(f"{uid}\t!\tf\t{username}\t\t\t\tf\tt\t{joined}\t{name}\tf\tf\n")
                role = "caseworker_state" if n < count else "caseworker_municipal"
                roles.append(f"{joined}\t{joined}\t{role}\t\t\tt\t{office}\t{uid}\n")
                if n < count:
                    staff.append((uid, name))
            self.caseworkers[office] = staff
        self.citizen = self.uuid()
        users.append(
            f"{self.citizen}\t!\tf\tbench-innbygger\t\t\t\tf\tt\t{joined}\t"
            f"Innbygger (syntetisk)\tf\tf\n"
        )
        with self.conn.cursor() as cur:
            with cur.copy(
                "COPY access_user (id, password, is_superuser, username, first_name, "
                "last_name, email, is_staff, is_active, date_joined, full_name, "
                "cleared_office_employees, cleared_strictly_confidential) FROM STDIN"
            ) as cp:
                cp.write("".join(users))
            with cur.copy(
                "COPY access_roleassignment (created_at, updated_at, role, "
                "partner_service, organisation_number, is_active, office_id, user_id) "
                "FROM STDIN"
            ) as cp:
                cp.write("".join(roles))
        self.conn.commit()
        self.counts["access_user"] += len(users)
        self.counts["access_roleassignment"] += len(roles)

    # one person and everything about them
    def person(self, out: dict[str, list[str]], place: tuple[str, str, str, int, int]) -> None:
        rng = self.rng
        r = rng.random
        municipality, town, district, office, _ = place
        t0 = self.t0
        day, stamp, uuid = self.day, self.stamp, self.uuid

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
        pid = uuid()

        # follow-up: the open period (and for some an earlier one)
        started = (
            t0 - int(r() * 14) if r() < 0.02 else t0 - 15 - min(2400, int(rng.expovariate(1 / 420)))
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
                f"{cw if r() < 0.8 else chr(92) + 'N'}\t{day(before_start)}\t{day(before_end)}\t"
                f"{END_REASONS[int(r() * len(END_REASONS))]}\n"
            )
        period = uuid()
        periods.append(
            f"{period}\t{created}\t{created}\t1\t{pid}\t{office}\t{cw if assigned else chr(92) + 'N'}\t"
            f"{day(started)}\t\\N\t\n"
        )

        # §14a decision: sent for ~80 %, a draft or one awaiting approval for a few more
        x = r()
        need = None
        if x < 0.84:
            need = self.need_groups[int(r() * len(self.need_groups))]
            goals = self.main_goals[need]
            goal = goals[int(r() * len(goals))]
            sent_day = min(t0 - 1, started + 10 + int(r() * 50))
            sent = x < 0.80 and started < t0 - 10
            status = (
                "sent"
                if sent
                else (
                    "awaiting_approval" if need in ("partially_permanent", "permanent") else "draft"
                )
            )
            # The permanent groups need a second approver: another caseworker of the office.
            other = staff[1][0] if staff[0][0] == cw else staff[0][0]
            approver = (
                other
                if need in ("partially_permanent", "permanent") and status == "sent"
                else "\\N"
            )
            if sent and r() < 0.08:  # an earlier decision, since superseded
                old = self.need_groups[int(r() * len(self.need_groups))]
                old_day = max(started, sent_day - 120 - int(r() * 300))
                out["followup_needsassessment"].append(
                    f"{uuid()}\t{stamp(old_day)}\t{stamp(old_day)}\t3\t{pid}\t{period}\t{old}\t"
                    f"{self.main_goals[old][0]}\t{REASONING[old]}\t\tsent\t{cw}\t"
                    f"{other if old in ('partially_permanent', 'permanent') else chr(92) + 'N'}\t\t"
                    f"{stamp(old_day, 600)}\n"
                )
            out["followup_needsassessment"].append(
                f"{uuid()}\t{stamp(sent_day, 500)}\t{stamp(sent_day, 600)}\t{3 if sent else 1}\t{pid}\t"
                f"{period}\t{need}\t{goal}\t{REASONING[need]}\tSamtale og egenvurdering.\t{status}\t{cw}\t"
                f"{approver}\t\t{stamp(sent_day, 600) if sent else chr(92) + 'N'}\n"
            )

        # activities
        activities = out["followup_activity"]
        ids = []
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
            titles = TITLES[kind]
            agreed = r() * 100 < AGREED[kind]
            by_person = not agreed and r() < 0.3
            locked = status in ("completed", "cancelled")
            starts = started + int(r() * max(1, t0 - started + (0 if locked else 30)))
            meeting = "\\N"
            if kind in ("meeting", "meeting_notes"):
                if meeting_today and n == 0:
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
                ends_s = "\\N" if r() < 0.1 else day(ends)
            else:
                ends = max(starts, min(t0 - 1, starts + int(r() * 120)))
                ends_s = day(ends)
            aid = uuid()
            ids.append(aid)
            created = stamp(min(starts, t0), 480 + int(r() * 480))
            activities.append(
                f"{aid}\t{created}\t{created}\t{1 if status in ('proposed', 'planned') else 2}\t{pid}\t"
                f"{kind}\t{titles[int(r() * len(titles))]}\t\t{status}\t{day(starts)}\t{ends_s}\t"
                f"{meeting}\t{'t' if agreed else 'f'}\t{'t' if by_person else 'f'}\t"
                f"{self.citizen if by_person else cw}\n"
            )

        # dialogue
        threads, messages = out["followup_thread"], out["followup_message"]
        name = f"{given} {family}"
        for _ in range(self.threads_per_person[int(r() * len(self.threads_per_person))]):
            tid = uuid()
            first = max(started, t0 - int(r() * 400))
            minute = 480 + int(r() * 600)
            count = self.messages_per_thread[int(r() * len(self.messages_per_thread))]
            from_office = r() < 0.45
            at = first
            for m in range(count):
                if from_office:
                    messages.append(
                        f"{tid}\t{cw}\t{cw_name}\tt\t{OFFICE_TEXTS[int(r() * 6)]}\t"
                        f"{stamp(at, minute)}\n"
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
            activity = ids[int(r() * len(ids))] if ids and r() < 0.2 else "\\N"
            threads.append(
                f"{tid}\t{stamp(first, minute)}\t{stamp(at, minute)}\t{pid}\t{activity}\t"
                f"{SUBJECTS[int(r() * len(SUBJECTS))]}\t{waiting}\t{read_person}\t{read_office}\t"
                f"{stamp(at, minute)}\n"
            )

        # benefits
        benefits = out["followup_benefit"]
        fa_since = None
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
            until = "\\N" if not ended else day(min(t0 - 1, starts + 30 + int(r() * 300)))
            if kind == "financial_assistance" and not ended:
                fa_since = starts
            degree = str(50 + 10 * int(r() * 6)) if kind == "disability_benefit" else "\\N"
            created = stamp(starts)
            benefits.append(
                f"{uuid()}\t{created}\t{created}\t{pid}\t{kind}\t{degree}\t{day(starts)}\t{until}\n"
            )

        # consent to NAV's state side (mostly where there are municipal records)
        if r() < (0.6 if fa_since is not None else 0.03):
            cs = max(started, t0 - int(r() * 300))
            withdrawn = stamp(cs + 20) if r() < 0.05 and cs + 20 < t0 else "\\N"
            created = stamp(cs)
            out["people_consent"].append(
                f"{uuid()}\t{created}\t{created}\t{pid}\tnav_state\t{CONSENT_PURPOSE}\t{day(cs)}\t"
                f"{day(cs + 365)}\tSamtykkeskjema {day(cs)}\t{withdrawn}\n"
            )

        # the qualification programme assessment, for some of its target group
        if (
            fa_since is not None
            and t0 - fa_since > 182
            and need in ("specially_adapted", "partially_permanent")
            and r() < 0.4
        ) or r() < 0.005:
            on = t0 - int(r() * 120)
            out["followup_qualificationassessment"].append(
                f"{stamp(on)}\t{stamp(on)}\t{pid}\t{day(on)}\t{self.outcomes[int(r() * len(self.outcomes))]}\t\n"
            )

        # children
        if r() < 0.25:
            for _ in range(1 + int(r() * r() * 3.2)):
                child_born = max(born.toordinal() + 18 * 365, t0 - int(r() * 22 * 365))
                out["people_child"].append(
                    f"{pid}\t{GIVEN[int(r() * len(GIVEN))]}\t{day(min(child_born, t0))}\n"
                )

        # individual plans, for a few
        if r() < 0.02:
            plan = uuid()
            created = stamp(max(started, t0 - 500))
            out["followup_individualplan"].append(
                f"{plan}\t{created}\t{created}\t1\t{pid}\tKomme i arbeid\n"
            )
            out["followup_planmember"].append(f"{plan}\tnav\t{cw_name}\tt\n")
            for service in rng.sample(PLAN_SERVICES, 1 + int(r() * 2)):
                out["followup_planmember"].append(f"{plan}\t{service}\t\tf\n")
            for _ in range(1 + int(r() * 4)):
                deadline = t0 - 90 + int(r() * 270)
                done = day(deadline - int(r() * 20)) if deadline < t0 and r() < 0.7 else "\\N"
                out["followup_planmeasure"].append(
                    f"{uuid()}\t{created}\t{created}\t{plan}\t{MEASURES[int(r() * len(MEASURES))]}\t"
                    f"nav\t{day(deadline)}\t{done}\n"
                )

    def chunks(self, places: list[tuple[str, str, str, int, int]]) -> Any:
        """The people in random order of place (people are registered over time, not office by
        office), CHUNK at a time, as COPY text per table."""
        order = bytearray()  # index into places, as 2-byte little-endian
        for index, place in enumerate(places):
            order += index.to_bytes(2, "little") * place[4]
        slots = list(range(len(order) // 2))
        self.rng.shuffle(slots)
        for start in range(0, len(slots), CHUNK):
            out: dict[str, list[str]] = {name: [] for name in COLUMNS}
            for slot in slots[start : start + CHUNK]:
                self.person(out, places[int.from_bytes(order[2 * slot : 2 * slot + 2], "little")])
            for name in SHUFFLED:
                self.rng.shuffle(out[name])
            yield min(start + CHUNK, len(slots)), {k: v for k, v in out.items() if v}

    def run(self) -> dict[str, float]:
        timings: dict[str, float] = {}
        started = time.monotonic()
        with self.conn.cursor() as cur:
            cur.execute("SET TimeZone = 'Europe/Oslo'")
            cur.execute("SELECT count(*) FROM access_user WHERE username LIKE 'bench-%%'")
            if (cur.fetchone() or (0,))[0]:
                sys.exit("This database already holds a generated data set (users bench-*).")
            cur.execute("SELECT national_id FROM people_person")
            self.ids = NationalIds({n for (n,) in cur.fetchall()})
            cur.execute("SELECT id, unit_number FROM organisation_office")
            units: dict[int, str] = dict(cur.fetchall())
            default_left_out_columns(cur)
        self.conn.commit()
        self.age_band = table(((lo, hi), w) for lo, hi, w in AGE_BANDS)
        self.languages = table(LANGUAGES)
        self.need_groups = table(NEED_GROUPS)
        self.main_goals = {k: table(v) for k, v in MAIN_GOALS.items()}
        self.kinds = table(ACTIVITY_KINDS)
        self.statuses = table(STATUSES)
        self.activities_per_person = table(ACTIVITIES_PER_PERSON)
        self.threads_per_person = table(THREADS_PER_PERSON)
        self.messages_per_thread = table(MESSAGES_PER_THREAD)
        self.outcomes = table(OUTCOMES)

        places = self.places()
        per_office: dict[int, int] = defaultdict(int)
        for place in places:
            per_office[place[3]] += place[4]
        self.create_users(per_office, units)
        largest = max(per_office, key=per_office.__getitem__)
        print(
            f"{self.people:,} people over {len(per_office)} offices; the largest, "
            f"{units[largest]}, gets {per_office[largest]:,}.",
            file=sys.stderr,
        )

        # The writer thread COPYs a chunk while this one draws the next.
        work: queue.Queue[Any] = queue.Queue(maxsize=1)
        failure: list[BaseException] = []
        progress = Progress(self.people, "people")

        def writer() -> None:
            try:
                with self.conn.cursor() as cur:
                    while (item := work.get()) is not None:
                        done, chunk = item
                        for name, lines in chunk.items():
                            with cur.copy(f"COPY {name} ({COLUMNS[name]}) FROM STDIN") as cp:
                                for start in range(0, len(lines), 5000):
                                    cp.write("".join(lines[start : start + 5000]))
                            self.counts[name] += len(lines)
                        self.conn.commit()
                        progress.update(done)
            except BaseException as error:
                failure.append(error)
                while work.get() is not None:
                    pass

        thread = threading.Thread(target=writer)
        thread.start()
        try:
            for item in self.chunks(places):
                if failure:
                    break
                work.put(item)
        finally:
            work.put(None)
            thread.join()
        if failure:
            raise failure[0]
        timings["insert"] = time.monotonic() - started

        state_started = time.monotonic()
        with self.conn.cursor() as cur:
            cur.execute(FILL_PORTFOLIO_STATE)
            self.counts["followup_portfoliostate"] = cur.rowcount
        self.conn.commit()
        timings["portfolio_state"] = time.monotonic() - state_started

        vacuum_started = time.monotonic()
        self.conn.autocommit = True
        with self.conn.cursor() as cur:
            for name in [
                "access_user",
                "access_roleassignment",
                *COLUMNS,
                "followup_portfoliostate",
            ]:
                cur.execute(f"VACUUM (ANALYZE) {name}")
        timings["vacuum_analyze"] = time.monotonic() - vacuum_started
        timings["total"] = time.monotonic() - started
        return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 1,000,000 people")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("Set DATABASE_URL to the PostgreSQL database (see scripts/with-postgresql.sh).")
    with psycopg.connect(url) as conn:
        generator = Generator(conn, args.scale, args.seed)
        timings = generator.run()
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"scale={args.scale} seed={args.seed} today={generator.today}", file=sys.stderr)
    for name, count in generator.counts.items():
        print(f"  {name:<34} {count:>12,}", file=sys.stderr)
    print(
        f"insert (COPY, {generator.people:,} people): {timings['insert']:.0f} s; "
        f"portfolio state rows: {timings['portfolio_state']:.0f} s; "
        f"VACUUM (ANALYZE): {timings['vacuum_analyze']:.0f} s; total {timings['total']:.0f} s "
        f"({timings['total'] / 60:.1f} min); generator peak RSS {peak:.0f} MB",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
