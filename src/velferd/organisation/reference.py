"""The registry's reference content: the Ministry and its units (seed: the Ministry's own
description of its departments), the agencies the partnership works with, the service
catalogue of a local NAV office and the county IW centres. Municipalities and counties
come from SSB's classification in data/municipalities.csv."""

from typing import Any

MINISTRY: dict[str, str] = {
    "slug": "aid",
    "name_nb": "Arbeids- og inkluderingsdepartementet",
    "name_en": "Ministry of Labour and Social Inclusion",
}

DEPARTMENTS: list[dict[str, Any]] = [
    {
        "slug": "labour-market",
        "kind": "department",
        "name_nb": "Arbeidsmarkedsavdelingen",
        "name_en": "Department of Labour Market",
        "responsibilities_nb": (
            "Avdelingen har ansvar for å fremme et velfungerende arbeidsmarked. Den følger opp "
            "politikk og tiltak for utsatte grupper på arbeidsmarkedet, regelverket for "
            "arbeidsinnvandring og inntektspolitikken."
        ),
        "responsibilities_en": (
            "The Department of Labour Market is responsible for promoting a well-functioning "
            "labour market. The department oversees policies and measures for vulnerable groups "
            "in the labour market, labour immigration regulations, and income policy."
        ),
    },
    {
        "slug": "working-environment-and-safety",
        "kind": "department",
        "name_nb": "Arbeidsmiljø- og sikkerhetsavdelingen",
        "name_en": "Department of Working Environment and Safety",
        "responsibilities_nb": (
            "Avdelingen har ansvar for arbeidsrett, arbeidsmiljø og sikkerhet i norsk arbeidsliv."
        ),
        "responsibilities_en": (
            "The Department of Working Environment and Safety is responsible for labour law, "
            "working environment, and safety in Norwegian working life."
        ),
    },
    {
        "slug": "finance-and-governance",
        "kind": "department",
        "name_nb": "Økonomi- og styringsavdelingen",
        "name_en": "Department of Finance and Governance",
        "responsibilities_nb": (
            "Avdelingen samordner, kvalitetssikrer og følger opp departementets arbeid med "
            "statsbudsjettet."
        ),
        "responsibilities_en": (
            "The Department of Finance and Governance coordinates, ensures the quality of, and "
            "follows up on the ministry's work with the state budget."
        ),
    },
    {
        "slug": "integration",
        "kind": "department",
        "name_nb": "Integreringsavdelingen",
        "name_en": "Department of Integration",
        "responsibilities_nb": (
            "Avdelingen har ansvar for politikk og tiltak som skal øke deltakelsen i arbeidslivet "
            "og i samfunnet for øvrig. Avdelingen samordner også integreringspolitikken på tvers "
            "av sektorer."
        ),
        "responsibilities_en": (
            "The Integration Department is responsible for policies and measures that aim to "
            "increase labour participation and participation in society in general. The "
            "department is also responsible for coordinating integration policy across sectors."
        ),
    },
    {
        "slug": "pension",
        "kind": "department",
        "name_nb": "Pensjonsavdelingen",
        "name_en": "Department of Pension",
        "responsibilities_nb": (
            "Avdelingen har det overordnede ansvaret for pensjonspolitikken, blant annet arbeidet "
            "med pensjonsreformen."
        ),
        "responsibilities_en": (
            "The Department of Pension has the overall responsibility for the pension policy, "
            "including the work on the pension reform."
        ),
    },
    {
        "slug": "press-and-communications",
        "kind": "division",
        "part_of_secretary_general_staff": True,
        "name_nb": "Kommunikasjonsenheten",
        "name_en": "Press and Communications Division",
        "responsibilities_nb": (
            "Enheten tar imot henvendelser fra pressen til departementets politiske ledelse og "
            "til departementet. Den hjelper også med å finne riktig avdeling eller saksbehandler "
            "for bakgrunnsstoff og informasjon. Enheten er en del av departementsrådens stab."
        ),
        "responsibilities_en": (
            "The Press and Communications Division deals with press enquiries to the Ministry's "
            "political leadership and the Ministry. The Division also helps to locate the correct "
            "department or case officer for background material and information. It is part of "
            "the Secretary General's staff."
        ),
    },
    {
        "slug": "administrative-services",
        "kind": "department",
        "name_nb": "Administrasjonsavdelingen",
        "name_en": "Department of Administrative Services",
        "responsibilities_nb": (
            "Avdelingen har ansvar for departementets organisasjon og systemer: den samlede "
            "arbeidsgiverfunksjonen, organisasjonsutvikling, personalpolitikk og intern "
            "kommunikasjon, og dessuten arbeidsprosesser, sikkerhet, informasjonsforvaltning, "
            "saksbehandlingssystemer og drifts- og kontorstøtte."
        ),
        "responsibilities_en": (
            "The Department of Administrative Services is responsible for the Ministry's "
            "organisation and systems: the overall employer function, organisational development, "
            "personnel policy and internal communication, and also work processes, security, "
            "information management, case management systems, and operational and office support."
        ),
    },
    {
        "slug": "welfare-policy",
        "kind": "department",
        "name_nb": "Velferdspolitisk avdeling",
        "name_en": "Department of Welfare Policy",
        "responsibilities_nb": (
            "Avdelingen har ansvar for inntektssikring, levekår og oppfølging av dem som har falt "
            "ut av arbeidslivet av helsemessige eller sosiale grunner, med et særlig ansvar for "
            "sykepenger, arbeidsavklaringspenger, uføretrygd og sosialtjenesteloven. Den har også "
            "ansvar for flere andre ordninger i folketrygden, blant annet omsorgsstønader, "
            "grunn- og hjelpestønad og hjelpemidler, og samordner departementets oppfølging av "
            "IA-avtalen."
        ),
        "responsibilities_en": (
            "The Welfare Policy Department is responsible for income security, living conditions, "
            "and follow-up for those who have fallen out of the workforce due to health or social "
            "issues, with a special responsibility for sickness benefits, work assessment "
            "allowance, disability benefits and the Social Services Act. It is also responsible "
            "for several other schemes within the National Insurance Scheme, including care "
            "benefits, basic and attendance benefits and assistive aids, and coordinates the "
            "ministry's follow-up of the Inclusive Working Life Agreement (IA Agreement)."
        ),
    },
]

NAV_AGENCY_SLUG = "nav"

AGENCIES: list[dict[str, Any]] = [
    {
        "slug": NAV_AGENCY_SLUG,
        "abbreviation": "NAV",
        "name_nb": "Arbeids- og velferdsdirektoratet",
        "name_en": "Norwegian Labour and Welfare Directorate",
        "role_nb": (
            "Leder Arbeids- og velferdsetaten, som har ansvaret for gjennomføringen av "
            "arbeidsmarkedspolitikken og driver de lokale NAV-kontorene sammen med kommunene."
        ),
        "role_en": (
            "Heads the Labour and Welfare Administration, which carries out the labour market "
            "policy and runs the local NAV offices together with the municipalities."
        ),
    },
    {
        "slug": "imdi",
        "abbreviation": "IMDi",
        "name_nb": "Integrerings- og mangfoldsdirektoratet",
        "name_en": "Directorate of Integration and Diversity",
        "role_nb": "Legger til rette for at flere innvandrere deltar i arbeidslivet og samfunnet.",
        "role_en": "Helps more immigrants take part in working life and society.",
    },
    {
        "slug": "udi",
        "abbreviation": "UDI",
        "name_nb": "Utlendingsdirektoratet",
        "name_en": "Directorate of Immigration",
        "role_nb": (
            "Behandler søknader om opphold og samarbeider om bosetting og arbeidsinnvandring."
        ),
        "role_en": "Decides on residence and works with others on settlement and labour migration.",
    },
    {
        "slug": "hkdir",
        "abbreviation": "HK-dir",
        "name_nb": "Direktoratet for høyere utdanning og kompetanse",
        "name_en": "Directorate for Higher Education and Skills",
        "role_nb": "Samarbeidspartner i utdanningssektoren om kvalifisering og kompetanse.",
        "role_en": "A partner in the education sector on qualification and skills.",
    },
    {
        "slug": "helsedir",
        "abbreviation": "Hdir",
        "name_nb": "Helsedirektoratet",
        "name_en": "Directorate of Health",
        "role_nb": (
            "Samarbeidspartner i helsesektoren om bistand til personer med nedsatt arbeidsevne."
        ),
        "role_en": "A partner in the health sector in helping people with reduced work capacity.",
    },
    {
        "slug": "udir",
        "abbreviation": "Udir",
        "name_nb": "Utdanningsdirektoratet",
        "name_en": "Directorate for Education and Training",
        "role_nb": "Samarbeidspartner om opplæring og fullført videregående opplæring.",
        "role_en": "A partner on training and on completing upper secondary education.",
    },
    {
        "slug": "arbeidstilsynet",
        "abbreviation": "Arbeidstilsynet",
        "name_nb": "Arbeidstilsynet",
        "name_en": "Labour Inspection Authority",
        "role_nb": "Fører tilsyn med arbeidsmiljøet og samarbeider med IA-sentrene om forebygging.",
        "role_en": "Supervises working environments and works with the IW centres on prevention.",
    },
]

# The services a local NAV office offers. The minimum ones are those every office must offer
# (NAV Act § 13): the state's tasks and the municipality's tasks under chapter 4 of the Social
# Services Act — information, advice and guidance including financial counselling (§ 17),
# financial assistance (§ 18), temporary housing (§ 27), the individual plan (§ 28) and the
# qualification programme (§ 29). Each names its legal basis, shown wherever one is missing.
SERVICE_TYPES: list[dict[str, Any]] = [
    {
        "code": "state_tasks",
        "is_minimum": True,
        "provided_by_state": True,
        "name_nb": "Arbeids- og velferdsetatens oppgaver",
        "name_en": "The Labour and Welfare Administration's tasks",
        "legal_basis_nb": "NAV-loven § 13",
        "legal_basis_en": "NAV Act section 13",
    },
    {
        "code": "social_services",
        "is_minimum": True,
        "name_nb": "Opplysning, råd og veiledning",
        "name_en": "Information, advice and guidance",
        "legal_basis_nb": "sosialtjenesteloven § 17",
        "legal_basis_en": "Social Services Act section 17",
    },
    {
        "code": "financial_counselling",
        "is_minimum": True,
        "name_nb": "Økonomisk rådgivning",
        "name_en": "Financial counselling",
        "legal_basis_nb": "sosialtjenesteloven § 17",
        "legal_basis_en": "Social Services Act section 17",
    },
    {
        "code": "financial_assistance",
        "is_minimum": True,
        "name_nb": "Økonomisk stønad",
        "name_en": "Financial assistance",
        "legal_basis_nb": "sosialtjenesteloven § 18",
        "legal_basis_en": "Social Services Act section 18",
    },
    {
        "code": "temporary_housing",
        "is_minimum": True,
        "name_nb": "Midlertidig botilbud",
        "name_en": "Temporary housing",
        "legal_basis_nb": "sosialtjenesteloven § 27",
        "legal_basis_en": "Social Services Act section 27",
    },
    {
        "code": "individual_plan",
        "is_minimum": True,
        "name_nb": "Individuell plan",
        "name_en": "Individual plan",
        "legal_basis_nb": "sosialtjenesteloven § 28",
        "legal_basis_en": "Social Services Act section 28",
    },
    {
        "code": "qualification_programme",
        "is_minimum": True,
        "name_nb": "Kvalifiseringsprogrammet",
        "name_en": "The qualification programme",
        "legal_basis_nb": "sosialtjenesteloven § 29",
        "legal_basis_en": "Social Services Act section 29",
    },
    {
        "code": "refugee_service",
        "name_nb": "Flyktningtjenesten",
        "name_en": "Refugee service",
    },
    {
        "code": "introduction_programme",
        "name_nb": "Introduksjonsprogrammet",
        "name_en": "Introduction programme",
    },
    {
        "code": "housing_assistance",
        "name_nb": "Boligsosialt arbeid",
        "name_en": "Housing assistance",
    },
    {
        "code": "substance_abuse",
        "name_nb": "Rustjenester",
        "name_en": "Substance-abuse services",
    },
    {
        "code": "mental_health",
        "name_nb": "Psykisk helsetjeneste",
        "name_en": "Mental health services",
    },
]


def iw_centre_names(county_name: str) -> dict[str, str]:
    short = county_name.split(" - ")[0]
    return {
        "name_nb": f"NAV Arbeidslivssenter {short}",
        "name_en": f"NAV Inclusive Workplace Centre {short}",
    }
