"""Latvian and English words the synthetic dataset is built from.

Sectors come with their own competences, so a cluster's companies share a trade the way real
members do; made-up product and brand words give the long tail of rare terms real text has.
"""

import random

SECTORS = {
    "Audiovizuālās tehnoloģijas": (
        "3D animācija",
        "2D animācija",
        "Video montāža",
        "Skaņas ierakstīšana",
        "Krāsu korekcija",
        "Vizuālie efekti",
        "Filmēšanas tehnikas noma",
        "Dublēšana",
        "Subtitrēšana",
        "Spēļu izstrāde",
        "Motion design",
        "Sound design",
    ),
    "Metālapstrāde": (
        "CNC frēzēšana",
        "Lāzergriešana",
        "Metināšana",
        "Lokšņu metāla locīšana",
        "Pulverkrāsošana",
        "Virpošana",
        "Metāla konstrukcijas",
        "Cinkošana",
        "Precision machining",
        "Sheet metal fabrication",
        "Welding certification",
        "Rūdīšana",
    ),
    "Pārtikas ražošana": (
        "Pārtikas iepakošana",
        "Piena pārstrāde",
        "Maizes cepšana",
        "Gaļas pārstrāde",
        "Saldēšanas kameras",
        "HACCP sertifikācija",
        "Bioloģiskā pārtika",
        "Ogu pārstrāde",
        "Food safety audit",
        "Cold chain logistics",
        "Dzērienu ražošana",
        "Graudu pārstrāde",
    ),
    "Informācijas tehnoloģijas": (
        "Mākoņpakalpojumi",
        "Mašīnmācīšanās",
        "Kiberdrošība",
        "Mobilās lietotnes",
        "Tīmekļa izstrāde",
        "Datu analītika",
        "ERP ieviešana",
        "DevOps",
        "Machine learning",
        "Cloud migration",
        "IoT sensori",
        "Mākslīgais intelekts",
    ),
    "Kokapstrāde": (
        "Mēbeļu ražošana",
        "Koka māju būvniecība",
        "Kokskaidu granulas",
        "Zāģēšana",
        "Līmētā koksne",
        "CLT paneļi",
        "Timber frame houses",
        "Finieris",
        "Koksnes žāvēšana",
        "Kokgriešana",
    ),
    "Loģistika": (
        "Kravu pārvadājumi",
        "Noliktavu pakalpojumi",
        "Muitas noformēšana",
        "Ekspedīcija",
        "Dzelzceļa pārvadājumi",
        "Last mile delivery",
        "Freight forwarding",
        "Ostas pakalpojumi",
        "Konteineru pārvadājumi",
        "Paletizācija",
    ),
    "Būvniecība": (
        "Ēku projektēšana",
        "BIM modelēšana",
        "Energoefektivitāte",
        "Jumta segumi",
        "Betona darbi",
        "Siltināšana",
        "Inženiertīkli",
        "Construction management",
        "Fasāžu apdare",
        "Ceļu būve",
    ),
    "Ķīmija un farmācija": (
        "Laboratorijas analīzes",
        "Kosmētikas ražošana",
        "Klīniskie pētījumi",
        "Biotehnoloģija",
        "GMP ražošana",
        "Lab testing",
        "Polimēri",
        "Krāsas un lakas",
        "Fermentācija",
        "Farmaceitiskā izpēte",
    ),
    "Enerģētika": (
        "Saules paneļi",
        "Vēja enerģija",
        "Siltumsūkņi",
        "Biogāze",
        "Energoaudits",
        "Akumulatoru sistēmas",
        "Solar installation",
        "Ūdeņraža tehnoloģijas",
        "Elektrotīkli",
        "Viedie skaitītāji",
    ),
    "Tekstils un dizains": (
        "Šūšana",
        "Adīšana",
        "Apģērbu dizains",
        "Tekstila apdruka",
        "Izšūšana",
        "Technical textiles",
        "Audumu krāsošana",
        "Zīmola dizains",
        "Iepakojuma dizains",
        "Produktu dizains",
    ),
}
GENERAL_COMPETENCES = (
    "Eksports",
    "Mārketings",
    "Grāmatvedība",
    "Projektu vadība",
    "ES fondu piesaiste",
    "Tulkošana",
    "Juridiskie pakalpojumi",
    "Personāla atlase",
    "Apmācības",
    "Kvalitātes vadība ISO 9001",
    "Pārdošana",
    "Export development",
    "Business consulting",
    "Sertifikācija",
    "Izstāžu organizēšana",
    "Pētniecība un attīstība",
    "Produktu testēšana",
    "Finanšu konsultācijas",
    "Digital marketing",
)
CITIES = (
    "Rīgā",
    "Jelgavā",
    "Liepājā",
    "Daugavpilī",
    "Ventspilī",
    "Rēzeknē",
    "Valmierā",
    "Jēkabpilī",
    "Ogrē",
    "Tukumā",
    "Cēsīs",
    "Siguldā",
    "Kuldīgā",
    "Talsos",
    "Smiltenē",
    "Madonā",
    "Alūksnē",
    "Bauskā",
    "Dobelē",
    "Saldū",
    "Ludzā",
    "Krāslavā",
    "Preiļos",
    "Gulbenē",
    "Limbažos",
)
CITIES_EN = ("Riga", "Jelgava", "Liepāja", "Daugavpils", "Ventspils", "Valmiera", "Cēsis", "Sigulda")
COUNTRIES = (
    "Vāciju",
    "Zviedriju",
    "Norvēģiju",
    "Somiju",
    "Lietuvu",
    "Igauniju",
    "Poliju",
    "Dāniju",
    "Nīderlandi",
)
COUNTRIES_EN = ("Germany", "Sweden", "Norway", "Finland", "Lithuania", "Estonia", "Poland", "Denmark")
EQUIPMENT = (
    "CNC apstrādes centrs",
    "lāzergriešanas iekārta",
    "skaņu ierakstu studija",
    "zaļā ekrāna paviljons",
    "saldēšanas kameras",
    "akreditēta laboratorija",
    "noliktava ar 5000 m² platību",
    "rūpnieciskais 3D printeris",
    "krāsošanas kamera",
    "serveru telpa",
    "testēšanas stends",
    "automatizēta iepakošanas līnija",
    "kokapstrādes darbnīca",
    "metināšanas roboti",
    "tīrtelpa",
)
EQUIPMENT_EN = (
    "clean room",
    "5-axis CNC machine",
    "sound stage",
    "cold storage",
    "testing lab",
    "packaging line",
    "large 3D printer",
    "paint shop",
)
LEGAL_FORMS = ("SIA", "SIA", "SIA", "AS", "IK", "Ltd")
NAME_ROOTS = (
    "Baltijas",
    "Rīgas",
    "Ziemeļu",
    "Kurzemes",
    "Latgales",
    "Vidzemes",
    "Zemgales",
    "Dzintara",
    "Ozola",
    "Liepu",
    "Ābeles",
    "Čiekura",
    "Ķirša",
    "Saules",
    "Jūras",
    "Meža",
    "Gaujas",
    "Daugavas",
    "Ūdensrozes",
    "Ērgļa",
    "Lāču",
    "Vējš",
    "Zvaigžņu",
    "Nordic",
    "Amber",
)
NAME_NOUNS = (
    "Tehnoloģijas",
    "Metāls",
    "Pārtika",
    "Dizains",
    "Loģistika",
    "Studija",
    "Serviss",
    "Inženierija",
    "Koks",
    "Mehānika",
    "Animācija",
    "Būve",
    "Enerģija",
    "Laboratorija",
    "Darbnīca",
    "Ražotne",
    "Systems",
    "Solutions",
    "Works",
    "Group",
)
SIZE_WORDS_EN = ("small", "family-owned", "mid-sized", "fast-growing", "export-oriented")

COMPANY_SENTENCES = (
    "Uzņēmums darbojas {city} kopš {year}. gada un nodarbina {n} cilvēkus.",
    "Mūsu galvenā specializācija ir {comp} un {comp2}.",
    "Strādājam ar klientiem Latvijā, Lietuvā, Igaunijā un eksportējam uz {country}.",
    "Ražotnē {city} ir {equipment}, ko izmantojam arī partneru pasūtījumiem.",
    "Produktu līnija {rare} ir pazīstama visā Baltijā.",
    "Esam sertificēti atbilstoši ISO 9001 un regulāri piedalāmies nozares izstādēs.",
    "Komandā strādā inženieri, dizaineri un projektu vadītāji ar pieredzi {comp}.",
    "Sadarbojamies ar universitātēm un zinātniskajiem institūtiem, īpaši jomā {comp}.",
    "We are a {size} company based in {city_en}, founded in {year}.",
    "Our core expertise is {comp} and {comp2}; we export to {country_en}.",
    "Our product line {rare} is used by manufacturers in {country_en}.",
    "We operate a {equipment_en} and can offer free capacity to partners.",
)
INFRASTRUCTURE_SENTENCES = (
    "Mūsu rīcībā ir {equipment} un {equipment2}.",
    "{equipment_cap} {city}, pieejama arī nomai.",
    "Ražošanas telpas {n}00 m² platībā, {equipment}.",
    "We have a {equipment_en} and a {equipment_en2}.",
)
DIRECTION_SENTENCES = (
    "Plānojam attīstīt {comp} un ienākt {country} tirgū.",
    "Ieguldām jaunās tehnoloģijās: {comp}, {comp2}.",
    "Meklējam partnerus kopīgiem projektiem jomā {comp}.",
    "Interesē sadarbība ar ražotājiem un izplatītājiem {country}.",
    "We plan to grow in {comp} and look for partners in {country_en}.",
)
TITLES = {
    "need": (
        "Meklējam partneri: {comp}",
        "Nepieciešams pakalpojums – {comp}",
        "Meklē piegādātāju ({comp})",
        "Vajadzīgs apakšuzņēmējs {comp} darbiem",
        "Looking for a {comp} partner",
        "Need: {comp} supplier in {city_en}",
    ),
    "offer": (
        "Piedāvājam {comp}",
        "Brīva ražošanas jauda: {comp}",
        "{comp} – pakalpojumi par izdevīgu cenu",
        "Offering {comp} services",
        "Free capacity: {comp}",
    ),
    "interest": (
        "Interese par kopīgu projektu: {comp}",
        "Meklējam partnerus ES projektam ({comp})",
        "Partnership interest: {comp}",
    ),
}
POST_SENTENCES = {
    "need": (
        "Nepieciešams piegādātājs ar pieredzi jomā {comp}, apjoms ap {n}0 vienībām mēnesī.",
        "Meklējam partneri {city}, kas var palīdzēt ar {comp} un {comp2}.",
        "Projektam vajadzīga {equipment}; termiņš – {n} nedēļas.",
        "We need a partner for {comp} for a project in {country_en}.",
        "Looking for a supplier who can deliver {comp} within {n} weeks.",
    ),
    "offer": (
        "Piedāvājam {comp} ar savu aprīkojumu: {equipment}.",
        "Mums ir brīva jauda {comp} darbiem {city}.",
        "Varam piegādāt {rare} produktus uz {country}.",
        "We offer {comp} and {comp2} with our own {equipment_en}.",
        "Free capacity for {comp} from next month.",
    ),
    "interest": (
        "Meklējam partnerus kopīgam pētniecības projektam jomā {comp}.",
        "Interesē kopīga dalība izstādē {country} kopā ar citiem klastera dalībniekiem.",
        "We are interested in a joint Horizon Europe proposal on {comp}.",
    ),
}
SHARED_SENTENCES = (
    "Lūdzu sazinieties ar mums, ja varat palīdzēt.",
    "Sīkāka informācija pēc pieprasījuma.",
    "Cena un apjomi ir apspriežami.",
    "Priekšroka uzņēmumiem ar ISO sertifikātu.",
    "Projekts {rare} sākas nākamajā ceturksnī.",
    "Please contact us for details.",
    "Prices and volumes are negotiable.",
)

_ONSETS = ("b", "br", "d", "dz", "g", "gr", "k", "kl", "kr", "l", "m", "n", "p", "pr", "r", "s", "sk", "st")
_ONSETS += ("š", "t", "tr", "v", "z", "ž", "č", "ķ", "ģ", "ļ", "ņ", "j")
_VOWELS = ("a", "ā", "e", "ē", "i", "ī", "u", "ū", "o", "ie", "ai", "au")
_CODAS = ("", "", "", "n", "r", "l", "s", "t", "k")
_ENDINGS = ("s", "a", "is", "e", "us", "ons", "ex", "um")


def made_up_words(count: int, seed: int) -> list[str]:
    """Product and brand words no dictionary has: each is rare, as real names are."""
    chooser = random.Random(seed)
    words: dict[str, None] = {}
    while len(words) < count:
        syllables = chooser.randint(2, 3)
        stem = "".join(
            chooser.choice(_ONSETS) + chooser.choice(_VOWELS) + chooser.choice(_CODAS)
            for _ in range(syllables)
        )
        words[(stem + chooser.choice(_ENDINGS)).capitalize()] = None
    return list(words)
