"""The demo clusters: who is in them, what their profiles say, what they post and discuss.

Names are invented but look Latvian; each cluster's companies, posts, threads and ratings live in a
data file of its own (content/clusters/<slug>.json, read by files.py); entries.py gives their shapes.
Texts are Latvian, as the members would write them.
"""

from clusterhub.demo import files

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
COMMON_POSTERS, COMMON_POSTS = files.common_posts()
