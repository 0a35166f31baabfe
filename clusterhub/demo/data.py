"""The demo clusters: who is in them and since when. Names are invented but look Latvian."""
DEMO_PASSWORD = "klasteris-2026"

CLUSTERS = [
    {
        "slug": "avt",
        "name": "Latvijas audiovizuālo tehnoloģiju klasteris",
        "vision": "Latvijas audiovizuālās nozares uzņēmumi kopā rada pasaules līmeņa saturu un tehnoloģijas.",
        "description": "Filmu, animācijas, skaņas, spēļu un pasākumu tehnoloģiju uzņēmumi, skolas un "
                       "pētniecības iestādes, kas kopā piedāvā pilnu audiovizuālās ražošanas ķēdi.",
        "sector": "Audiovizuālās tehnoloģijas",
        "region": "Rīga",
        "manager": ("Ilze Bērziņa", "ilze.berzina@avt.demo.lv"),
        "companies": [
            "SIA Ēnu Teātris", "SIA Gaismas Tehnika", "SIA Animācijas Darbnīca Ūdensroze", "SIA Kadrs un Ritms",
            "SIA Skaņas Studija Dzintars", "AS Rīgas Kinostudija Nova", "SIA Čaklās Kameras", "SIA Ģeometrija 3D",
            "SIA Zvaigžņu Efekti", "SIA Baltic Post Production", "SIA Ķekavas Dekorācijas", "SIA Ļoti Labi Mediji",
            "SIA Ņiprie Montāžisti", "SIA Šķēps Games", "SIA Žurka Animation", "SIA Amber Sound Systems",
            "Rīgas Kino un Televīzijas skola", "Latvijas Kultūras akadēmija, Rīgas Kino muzejs",
            "SIA Pasākumu Tehnoloģijas Vidzeme", "SIA Virtuālā Realitāte LV", "SIA Liepājas Video Centrs",
            "SIA Dronu Filmēšana Latgale",
        ],
    },
    {
        "slug": "metal",
        "name": "Latvijas mašīnbūves un metālapstrādes klasteris",
        "vision": "Eksportspējīga mašīnbūve: kopīgi tirgi, kopīgas iekārtas un kvalificēti darbinieki.",
        "description": "Metālapstrādes, mašīnbūves un automatizācijas uzņēmumi, kas kopīgi apgūst eksporta "
                       "tirgus, dalās ar iekārtām un kopā ar tehnikumiem gatavo speciālistus.",
        "sector": "Mašīnbūve un metālapstrāde",
        "region": "Zemgale",
        "manager": ("Edgars Kalniņš", "edgars.kalnins@metal.demo.lv"),
        "companies": [
            "SIA Jelgavas Metālapstrāde", "AS Valmieras Mašīnbūve", "SIA Čuguna Lietuve Ogre", "SIA Ādažu CNC",
            "SIA Zemgales Metināšanas Centrs", "SIA Ķemeru Hidraulika", "SIA Lāzergriešana Plus", "SIA Ēķis Tools",
            "SIA Bauskas Konstrukcijas", "SIA Šveices Precizitāte LV", "SIA Robotika Baltija", "SIA Dobeles Kalve",
            "SIA Ūdens Sūkņi", "SIA Gulbenes Metāls", "SIA Ģenerators", "SIA Ludzas Instrumenti",
            "Rīgas Tehniskā universitāte, Mašīnbūves institūts", "Jelgavas tehnikums", "SIA Nerūsējošais Tērauds",
            "SIA Automatizācijas Risinājumi", "SIA Kurzemes Metālapstrāde", "SIA Žagaru Presformas",
        ],
    },
    {
        "slug": "partika",
        "name": "Kurzemes pārtikas klasteris",
        "vision": "Kurzemes pārtika pasaulē: kopīga zīmola, loģistikas un inovāciju attīstība.",
        "description": "Pārtikas ražotāji, zemnieku saimniecības, iepakotāji un izplatītāji no Kurzemes, "
                       "kas kopā piedalās izstādēs, iepērk un izstrādā jaunus produktus ar zinātniekiem.",
        "sector": "Pārtikas ražošana",
        "region": "Kurzeme",
        "manager": ("Dace Ozoliņa", "dace.ozolina@partika.demo.lv"),
        "companies": [
            "SIA Kuldīgas Maiznīca", "SIA Ventspils Zivju Kombināts", "ZS Ābeļziedi", "SIA Talsu Piens",
            "SIA Ēdoles Medus", "SIA Saldus Gaļa", "SIA Čiekuru Kafija", "SIA Liepājas Alus Darītava",
            "SIA Kurzemes Dārzeņi", "SIA Šķēdes Ogas", "SIA Ģimenes Sieri", "SIA Aizputes Iepakojums",
            "SIA Durbes Graudi", "SIA Ūdensdzirnavas", "ZS Ķirši un Plūmes", "SIA Pāvilostas Kūpinātava",
            "SIA Loģistika Kurzeme", "Ventspils Augstskola", "SIA Žāvēti Augļi", "SIA Rojas Konservi",
            "SIA Bioloģiskā Pārtika LV", "SIA Tukuma Pārtikas Tehnoloģijas",
        ],
    },
]

FIRST_NAMES = ["Jānis", "Anna", "Andris", "Līga", "Pēteris", "Inese", "Māris", "Sandra", "Kārlis", "Ieva",
               "Artūrs", "Zane", "Guntis", "Laura", "Raimonds", "Dace", "Uldis", "Kristīne", "Edgars", "Ilze",
               "Aigars", "Baiba"]
SURNAMES = [("Ozols", "Ozola"), ("Liepa", "Liepa"), ("Kalniņš", "Kalniņa"), ("Bērziņš", "Bērziņa"),
            ("Krūmiņš", "Krūmiņa"), ("Zariņš", "Zariņa"), ("Vītols", "Vītola"), ("Kļaviņš", "Kļaviņa"),
            ("Jansons", "Jansone"), ("Āboliņš", "Āboliņa"), ("Eglītis", "Eglīte"), ("Šmits", "Šmite"),
            ("Čakste", "Čakste"), ("Ķēniņš", "Ķēniņa"), ("Žagars", "Žagare")]
FEMININE = {"Anna", "Līga", "Inese", "Sandra", "Ieva", "Zane", "Laura", "Dace", "Kristīne", "Ilze", "Baiba"}

# One person represents a company in two clusters, to show the cluster switcher.
TWO_CLUSTER_PERSON = ("Jānis Ozols", "janis.ozols@demo.lv", "SIA Automatizācijas Risinājumi", ["metal", "avt"])
ADMIN = ("Platformas Administrators", "admin@demo.lv")
ORGANISER = ("Marta Kļaviņa", "marta.klavina@demo.lv")
