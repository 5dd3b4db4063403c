"""The building blocks of the §14a decision letter, in clear Norwegian."""

NEED_GROUP = {
    "standard": (
        "Vi mener at du kan komme i jobb uten mye hjelp fra oss. Du får hjelp til å søke jobb "
        "på egen hånd, og du kan bruke tjenestene på nav.no."
    ),
    "situation_specific": (
        "Vi mener at du trenger hjelp fra oss en periode for å komme i jobb. Sammen finner vi "
        "ut hva som skal til, og vi lager en plan."
    ),
    "specially_adapted": (
        "Vi mener at du trenger tett oppfølging for å komme i jobb. Helse eller andre forhold "
        "gjør det vanskelig nå. Du får en veileder som følger deg opp."
    ),
    "partially_permanent": (
        "Vi mener at du kan jobbe noe, men ikke fullt. Det vil trolig vare lenge. Vi hjelper "
        "deg med å finne en jobb som passer, og med det du trenger for å klare den."
    ),
    "permanent": (
        "Vi mener at du trolig ikke kan ha en vanlig jobb, heller ikke på sikt. Vi hjelper "
        "deg med å finne arbeid eller annen aktivitet som passer for deg."
    ),
}

# The main goals of a decision; permanent adaptation has none, and its letter names none.
# "increase_participation" is only on decisions made before NAV stopped offering it.
MAIN_GOAL = {
    "get_work": "Målet er at du skal få en jobb.",
    "keep_work": "Målet er at du skal beholde jobben du har.",
    "increase_participation": (
        "Målet er at du skal delta mer i arbeid eller aktivitet, ut fra det du kan."
    ),
}

# What the decision rests on, one line each in the letter; "other" is told in the
# caseworker's own words, which follow the list.
SOURCE = {
    "registration": "Det du fortalte oss da du registrerte deg som arbeidssøker.",
    "cv": "CV-en og jobbønskene dine på nav.no.",
    "self_assessment": "Svarene dine om hva slags veiledning du trenger.",
    "dialogue": "Samtaler og meldinger mellom deg og oss.",
    "medical": "Opplysninger om helsen din.",
    "work_capacity": "Vurderingen vi har gjort av arbeidsevnen din.",
    "employer": "Opplysninger fra arbeidsgiveren din.",
    "other": "",
}
