"""The demo clusters: who is in them, what their profiles say, what they post and discuss.

Names are invented but look Latvian; each cluster's companies, posts, threads and ratings live in a
data file of its own (content/clusters/<slug>.json, read by files.py); entries.py gives their shapes.
Texts are Latvian, as the members would write them.
"""

from clusterhub.demo import files
from clusterhub.demo.entries import Post

DEMO_PASSWORD = "klasteris-2026"

CLUSTERS = files.clusters()

FIRST_NAMES = [
    "Jānis",
    "Anna",
    "Andris",
    "Līga",
    "Pēteris",
    "Inese",
    "Māris",
    "Sandra",
    "Kārlis",
    "Ieva",
    "Artūrs",
    "Zane",
    "Guntis",
    "Laura",
    "Raimonds",
    "Dace",
    "Uldis",
    "Kristīne",
    "Edgars",
    "Ilze",
    "Aigars",
    "Baiba",
]
SURNAMES = [
    ("Ozols", "Ozola"),
    ("Liepa", "Liepa"),
    ("Kalniņš", "Kalniņa"),
    ("Bērziņš", "Bērziņa"),
    ("Krūmiņš", "Krūmiņa"),
    ("Zariņš", "Zariņa"),
    ("Vītols", "Vītola"),
    ("Kļaviņš", "Kļaviņa"),
    ("Jansons", "Jansone"),
    ("Āboliņš", "Āboliņa"),
    ("Eglītis", "Eglīte"),
    ("Šmits", "Šmite"),
    ("Čakste", "Čakste"),
    ("Ķēniņš", "Ķēniņa"),
    ("Žagars", "Žagare"),
]
FEMININE = {"Anna", "Līga", "Inese", "Sandra", "Ieva", "Zane", "Laura", "Dace", "Kristīne", "Ilze", "Baiba"}

# One person represents a company in two clusters, to show the cluster switcher. Their name is none of
# the generated representatives' (FIRST_NAMES, SURNAMES), so no cluster has two people of one name.
TWO_CLUSTER_PERSON = (
    "Roberts Vanags",
    "roberts.vanags@demo.lv",
    "SIA Automatizācijas Risinājumi",
    ["metal", "avt"],
)
ADMIN = ("Platformas Administrators", "admin@demo.lv")
ORGANISER = ("Marta Kļaviņa", "marta.klavina@demo.lv")

# What a company's contact person does there, in the masculine and the feminine form.
CONTACT_ROLES = [
    ("valdes loceklis", "valdes locekle"),
    ("izpilddirektors", "izpilddirektore"),
    ("projektu vadītājs", "projektu vadītāja"),
    ("attīstības vadītājs", "attīstības vadītāja"),
    ("pārdošanas vadītājs", "pārdošanas vadītāja"),
]

# Needs that every cluster's members share (seed 000: joint purchasing, training, trade missions). Each
# cluster gets them from its companies at these places in its list.
COMMON_POSTERS = (0, 3, 7, 10, 13, 19)
COMMON_POSTS = [
    Post(
        "",
        "need",
        "purchasing",
        "Kopīga darbinieku veselības apdrošināšana",
        "Meklējam 5–10 klastera biedrus, lai kopā iepirktu veselības apdrošināšanu darbiniekiem un "
        "saņemtu labākus nosacījumus. Mums ir 14 darbinieki, polisei jāsākas janvārī.",
        ("veselības apdrošināšana", "kopīgais iepirkums"),
        60,
    ),
    Post(
        "",
        "need",
        "training",
        "Eksporta pārdošanas apmācības darbiniekiem",
        "Vēlamies kopā ar citiem biedriem pasūtīt divu dienu apmācības par eksporta pārdošanu un sarunām "
        "ar ārvalstu pircējiem. Izmaksas dalītu starp dalībniekiem.",
        ("apmācības", "eksports"),
        90,
    ),
    Post(
        "",
        "need",
        "purchasing",
        "Kopīgs elektroenerģijas iepirkums",
        "Apvienojot patēriņu, varētu panākt izdevīgāku fiksēto cenu. Mūsu patēriņš ir ap 120 MWh gadā; "
        "meklējam vēl 4–6 uzņēmumus.",
        ("elektroenerģija", "kopīgais iepirkums"),
        45,
    ),
    Post(
        "",
        "offer",
        "staff",
        "Prakses vietas studentiem vasarā",
        "Vasarā varam uzņemt divus praktikantus no profesionālajām skolām vai augstskolām. Nodrošinām "
        "prakses vadītāju un nelielu stipendiju.",
        ("prakse", "studenti"),
    ),
    Post(
        "",
        "interest",
        "research",
        "Kopīgs ES projekta pieteikums ar zinātniekiem",
        "Gatavojam pieteikumu ES pētniecības programmai par jaunu produktu izstrādi. Meklējam vēl vienu "
        "uzņēmumu un pētniecības partneri.",
        ("ES projekti", "pētniecība"),
        120,
    ),
    Post(
        "",
        "interest",
        "exhibitions",
        "Kopīga tirdzniecības misija uz Vāciju",
        "Klastera vadība rudenī plāno tirdzniecības misiju uz Vāciju. Meklējam uzņēmumus, kas vēlas "
        "piedalīties, lai laikus saskaņotu tikšanās ar pircējiem.",
        ("tirdzniecības misija", "Vācija"),
        100,
    ),
]
