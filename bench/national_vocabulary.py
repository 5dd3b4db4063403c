"""The vocabulary of the synthetic national data set (bench/national_data.py): names, streets,
languages, and the weights the generator draws its people, decisions, activities, dialogue and
benefits with."""

from __future__ import annotations

import zoneinfo
from pathlib import Path

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
