"""The demo organiser's inter-cluster forums: one half a year ago, one coming up, for the three clusters.

Each company that goes says once (PITCHES) what it seeks in other sectors, what it offers them, which
sectors interest it and what of its profile it shows; a forum lists who went for which cluster, the 1:1
meetings they asked for and, after the event, how they rated it. The interests are sector names of the
demo companies, as the registration form offers them. Texts are Latvian, as the members would write them.
"""

from clusterhub.demo.data import TWO_CLUSTER_PERSON
from clusterhub.demo.entries import Pitch, Talk

TITLE = "Starpklasteru sadarbības forums"
SEASONS = {12: "ziema", 1: "ziema", 2: "ziema", 3: "pavasaris", 4: "pavasaris", 5: "pavasaris"}
SEASONS |= {6: "vasara", 7: "vasara", 8: "vasara", 9: "rudens", 10: "rudens", 11: "rudens"}
CLUSTERS = ("avt", "metal", "partika")
QUOTA = 10
# Rīga wall-clock times: the day, the two meeting windows (30-minute slots at 8 tables) and the deadline.
DAY = ((9, 0), (17, 0))
WINDOWS = (((10, 0), (12, 30)), ((14, 0), (16, 0)))
SLOT_MINUTES, TABLES = 30, 8
REGISTRATION_DAYS = 14  # registration closes this many days before the forum, at 17:00
WEEKDAY = 3  # forums are on Thursdays

PITCHES = {
    # The audiovisual technology cluster.
    "SIA Ēnu Teātris": Pitch(
        "Metālapstrādes uzņēmumu, kas izgatavotu vieglu saliekamu rāmi ceļojošai ēnu teātra skatuvei. "
        "Pārtikas ražotājus, kas vēlas animētus stāstus bērniem par saviem produktiem.",
        "Animēti stāsti un ēnu teātra izrādes bērniem: produktu stāsti, ekskursiju filmas, pasākumu "
        "programmas ģimenēm.",
        ("Maize un konditoreja", "Metālapstrāde", "Augļu pārstrāde"),
        ("description", "website", "contact"),
    ),
    "SIA Gaismas Tehnika": Pitch(
        "Pārvadātāju ar kravas auto tehnikas pārvešanai uz koncertiem un filmēšanas laukumiem Baltijā. "
        "Metāla konstrukciju ražotāju prožektoru stiprinājumiem.",
        "Apgaismojuma noma un gaismotāji izstāžu stendiem, ražotņu atvērto durvju dienām un "
        "produktu fotografēšanai.",
        ("Loģistika", "Metāla konstrukcijas"),
        ("description", "region", "size", "roles", "contact"),
    ),
    "SIA Animācijas Darbnīca Ūdensroze": Pitch(
        "Pārtikas un dzērienu ražotājus, kuriem vajag ilustrācijas etiķetēm un animētas reklāmas "
        "sociālajiem tīkliem.",
        "2D animācija, ilustrācijas etiķetēm un iepakojumam, animēti logotipi un īsi reklāmas video.",
        ("Iepakojums", "Dzērieni", "Maize un konditoreja"),
        ("website", "region"),
    ),
    "SIA Kadrs un Ritms": Pitch(
        "Ražotnes, kas vēlas video stāstu eksporta tirgiem vai darbinieku piesaistei; interesantas "
        "filmēšanas vietas — cehus, kuģus, fermas.",
        "Reklāmas un eksporta video, ražotnes filmas darbinieku piesaistei, produktu video e-veikaliem.",
        ("Zivju pārstrāde", "Mašīnbūve", "Metālapstrāde", "Produktu izstrāde"),
        ("description", "website", "contact"),
    ),
    "SIA Skaņas Studija Dzintars": Pitch(
        "Metālapstrādes uzņēmumu, kas izgatavotu stiprinājumus skaņas izolācijas paneļiem. Sadarbību "
        "ar kafejnīcām un darītavām, kurām vajag skaņas dizainu.",
        "Ierunāšana un skaņas dizains reklāmām, audio gidi ražotņu ekskursijām, akustikas padomi.",
        ("Metālapstrāde", "Dzērieni"),
        ("region",),
    ),
    "SIA Ģeometrija 3D": Pitch(
        "Ražotājus, kuriem vajag 3D vizualizācijas katalogiem, izstādēm un tirgotājiem; iepakojuma "
        "dizainerus, kas grib redzēt iepakojumu pirms ražošanas.",
        "Fotoreālistiskas 3D vizualizācijas un animācijas iekārtām, ēkām un iepakojumam; interaktīvi "
        "produktu modeļi e-veikaliem.",
        ("Mašīnbūve", "Metāla konstrukcijas", "Iepakojums", "Augļu pārstrāde"),
        ("description", "website", "size", "roles", "contact"),
    ),
    "SIA Virtuālā Realitāte LV": Pitch(
        "Rūpniecības pilotprojektus: VR apmācības darba drošībā, metināšanā un iekārtu apkopē; "
        "ražotnes, kas vēlas virtuālu ekskursiju pircējiem.",
        "VR apmācību simulatori, papildinātās realitātes instrukcijas iekārtu apkopei, 360° "
        "ekskursijas pa ražotni.",
        ("Metināšana", "Automatizācija", "Zivju pārstrāde", "Metāla konstrukcijas"),
        ("description", "website", "roles", "contact"),
    ),
    "SIA Dronu Filmēšana Latgale": Pitch(
        "Zemnieku saimniecības un dārzus, kuriem noderētu apsekošana no gaisa; būvniecības "
        "uzņēmumus, kam vajag uzmērījumus.",
        "Dronu filmēšana un aerofotografēšana, augļu dārzu un laukumu apsekošana, būvlaukumu uzmērījumi.",
        ("Dārzkopība", "Metāla konstrukcijas", "Būvniecība"),
        ("region", "contact"),
    ),
    "SIA Ķekavas Dekorācijas": Pitch(
        "Lāzergriešanas un metināšanas partneri dekorāciju metāla detaļām; ražotājus, kuriem vajag "
        "izstāžu stendus.",
        "Izstāžu stendi un veikalu vitrīnas ar CNC frēzētām detaļām, rekvizīti un dekorācijas pasākumiem.",
        ("Metālapstrāde", "Metināšana"),
        ("description", "size"),
    ),
    "SIA Pasākumu Tehnoloģijas Vidzeme": Pitch(
        "Pārvadātāju skatuves tehnikas pārvešanai, sertificētas metāla skatuves konstrukcijas un "
        "ēdināšanu pasākumu komandām.",
        "Skatuves, LED ekrāni un tehniskā vadība uzņēmumu pasākumiem, gadatirgiem un produktu prezentācijām.",
        ("Loģistika", "Metāla konstrukcijas", "Maize un konditoreja"),
        ("region", "roles", "contact"),
    ),
    "SIA Šķēps Games": Pitch(
        "Rūpniecības partnerus, kas vēlas apmācību spēles vai spēļu elementus darbinieku apmācībā.",
        "Spēles un interaktīvas simulācijas apmācībām un zīmoliem; Unreal Engine un Unity izstrāde.",
        ("Metināšana", "Automatizācija", "Profesionālā izglītība"),
        ("website",),
    ),
    # The engineering and metalworking cluster.
    "SIA Jelgavas Metālapstrāde": Pitch(
        "Video par ražotni, lai piesaistītu jaunus CNC operatorus un metinātājus; pārtikas ražotājus, "
        "kuru līnijām vajag rezerves detaļas.",
        "CNC frēzēšana, virpošana un metināšana mazām sērijām: detaļas pārtikas ražošanas līnijām, "
        "rāmji un konstrukcijas skatuvēm un dekorācijām.",
        ("Video ražošana", "Gaļas pārstrāde", "Skatuves māksla"),
        ("description", "region", "size", "contact"),
    ),
    "AS Valmieras Mašīnbūve": Pitch(
        "Eksporta video un 3D vizualizācijas par mūsu piekabēm tirgotājiem Skandināvijā; "
        "loģistikas partneri piegādēm.",
        "Piekabes un lauksaimniecības tehnika pēc pasūtījuma; pieredze eksportā uz 12 valstīm.",
        ("Video ražošana", "Vizuālie efekti", "Loģistika"),
        ("description", "website", "size", "roles"),
    ),
    "SIA Ādažu CNC": Pitch(
        "Pasūtītājus ārpus mašīnbūves: akustikas, dizaina un pasākumu tehnikas detaļas.",
        "5 asu apstrāde un prototipi no alumīnija; mazas sērijas dažu dienu laikā.",
        ("Skaņas ražošana", "Pasākumu tehnika"),
        ("size",),
    ),
    "SIA Lāzergriešana Plus": Pitch(
        "Pasūtītājus no dekorāciju, iepakojuma un izstāžu nozares.",
        "Lāzergriešana un lokšņu liekšana: dekorāciju detaļas, štances iepakojuma izciršanai, "
        "izstāžu stendu rāmji.",
        ("Dekorācijas", "Iepakojums"),
        ("description", "website", "region", "size", "roles", "contact"),
    ),
    "SIA Robotika Baltija": Pitch(
        "Pārtikas ražotājus, kuri grib automatizēt pakošanu un paletizāciju.",
        "Robotu un kobotu integrācija: pakošana, paletizācija, metināšanas roboti.",
        ("Zivju pārstrāde", "Piena pārstrāde"),
        ("description", "roles", "contact"),
    ),
    "SIA Nerūsējošais Tērauds": Pitch(
        "Pārtikas un dzērienu ražotājus, kuriem vajag tvertnes, darba galdus un cauruļvadus.",
        "Nerūsējošā tērauda iekārtas pārtikas nozarei: tvertnes, darba galdi, cauruļvadi, TIG "
        "metināšana un remonts uz vietas.",
        ("Dzērieni", "Gaļas pārstrāde", "Zivju pārstrāde"),
        ("description", "region", "roles", "contact"),
    ),
    "SIA Automatizācijas Risinājumi": Pitch(
        "Pārtikas ražotājus un darītavas rūpniecības pilotprojektiem: līniju automatizācija, "
        "mašīnredze, ražošanas datu uzskaite.",
        "PLC programmēšana, mašīnredze kvalitātes kontrolei, ražošanas datu uzskaite un digitalizācija "
        "mazās ražotnēs.",
        ("Dzērieni", "Maize un konditoreja", "Piena pārstrāde", "Virtuālā realitāte"),
        ("description", "website", "roles", "contact"),
        person=TWO_CLUSTER_PERSON[1],
    ),
    "SIA Bauskas Konstrukcijas": Pitch(
        "VR vai 3D vizualizācijas, lai pasūtītāji redzētu konstrukciju pirms montāžas; pasākumu "
        "uzņēmumus, kam vajag sertificētas skatuves konstrukcijas.",
        "Metāla konstrukcijas ar EN 1090 sertifikātu: ēku karkasi, skatuves un tribīnes, montāža.",
        ("Virtuālā realitāte", "Pasākumu tehnika", "Datorgrafika"),
        ("description", "size", "contact"),
    ),
    "SIA Zemgales Metināšanas Centrs": Pitch(
        "VR simulatorus un apmācību spēles metinātāju apmācībai.",
        "Metinātāju apmācība un sertifikācija; metināšanas pakalpojumi mazām sērijām.",
        ("Virtuālā realitāte", "Videospēles"),
        ("region", "roles"),
    ),
    "SIA Ūdens Sūkņi": Pitch(
        "3D vizualizācijas sūkņu katalogam un loģistikas partneri eksporta piegādēm.",
        "Sūkņi un hidrauliskie aprēķini zivju pārstrādei, dārzkopībai un darītavām.",
        ("Datorgrafika", "Loģistika", "Zivju pārstrāde"),
        ("website", "size"),
    ),
    # The Kurzeme food cluster.
    "SIA Kuldīgas Maiznīca": Pitch(
        "Ražošanas datu uzskaiti malkas krāsnīm un animētu stāstu par rudzu maizi bērniem; pasākumu "
        "rīkotājus, kam vajag maizi un uzkodas.",
        "Rudzu maize un konditoreja pasākumiem un filmēšanas laukumiem, maizes cepšanas darbnīcas ģimenēm.",
        ("Animācija", "Automatizācija", "Pasākumu tehnika"),
        ("description", "region", "contact"),
    ),
    "SIA Ventspils Zivju Kombināts": Pitch(
        "Mašīnredzi zivju šķirošanai, robotizētu konservu pakošanu un eksporta video.",
        "Pilotprojektu vietu ražotnē, ilgtermiņa pasūtījumus iekārtu apkopei un pieredzi eksportā uz "
        "20 valstīm.",
        ("Automatizācija", "Robotika", "Video ražošana"),
        ("description", "size", "roles", "contact"),
    ),
    "ZS Ābeļziedi": Pitch(
        "Dārza apsekošanu no gaisa un detaļas sidra pildīšanas līnijai.",
        "Ābolu sula un sidrs pasākumiem; ekskursijas pa augļu dārzu filmēšanai.",
        ("Filmēšanas tehnika", "Pārtikas iekārtas"),
        ("region",),
    ),
    "SIA Talsu Piens": Pitch(
        "Ražošanas datu uzskaiti un robotizētu paletizāciju pienotavā.",
        "Piena produkti ēdināšanai un pasākumiem; pilotprojektu vietu ražotnē.",
        ("Automatizācija", "Robotika"),
        ("description", "size", "contact"),
    ),
    "SIA Aizputes Iepakojums": Pitch(
        "Ilustratorus un 3D vizualizācijas iepakojuma dizainam; štances izciršanai.",
        "Pārtikas iepakojums, etiķetes un iepakojuma dizains mazām sērijām.",
        ("Animācija", "Datorgrafika", "Metālapstrāde"),
        ("description", "website", "roles", "contact"),
    ),
    "SIA Loģistika Kurzeme": Pitch(
        "Pārvadājumus ārpus pārtikas nozares: pasākumu tehnika, iekārtas, eksporta kravas.",
        "Kravu pārvadājumi un noliktavas Kurzemē, aukstuma loģistika, piegādes uz Skandināviju.",
        ("Pasākumu tehnika", "Mašīnbūve", "Filmēšanas tehnika"),
        ("region", "size", "roles", "contact"),
    ),
    "SIA Čiekuru Kafija": Pitch(
        "Nerūsējošā tērauda tvertnes un skaņas dizainu kafejnīcai.",
        "Grauzdēta kafija birojiem un pasākumiem, private label kafija klasteru dāvanām.",
        ("Pārtikas iekārtas", "Skaņas ražošana"),
        ("website", "region"),
    ),
    "SIA Tukuma Pārtikas Tehnoloģijas": Pitch(
        "Video par jauniem produktiem un to izstrādi.",
        "Produktu izstrāde, HACCP un BRC sertifikācijas konsultācijas ražotājiem.",
        ("Video ražošana",),
        ("description", "contact"),
    ),
    "SIA Saldus Gaļa": Pitch(
        "Nerūsējošā tērauda darba galdus un rezerves detaļas gaļas pārstrādes līnijai.",
        "Kūpinājumi un uzkodas pasākumiem un filmēšanas komandām.",
        ("Metālapstrāde", "Pārtikas iekārtas"),
        ("region", "size"),
    ),
    "SIA Liepājas Alus Darītava": Pitch(
        "Pildīšanas līnijas automatizāciju un tvertņu apkopi.",
        "Amatalus pasākumiem un dāvanām; darītava kā filmēšanas vieta.",
        ("Automatizācija", "Pārtikas iekārtas"),
        ("description", "website", "contact"),
    ),
    "SIA Žāvēti Augļi": Pitch(
        "Animētus tēlus bērnu uzkodu iepakojumam un 3D iepakojuma maketus.",
        "Augļu un dārzeņu čipsi veselīgām uzkodām pasākumos un birojos.",
        ("Animācija", "Datorgrafika"),
        ("website", "region", "contact"),
    ),
}

PAST = {
    "days": -180,  # from today; moved on to the next Thursday
    "venue": "Vidzemes Augstskola, Cēsu iela 4, Valmiera",
    "description": "Trīs klasteru — audiovizuālo tehnoloģiju, mašīnbūves un pārtikas — uzņēmumu tikšanās, "
    "lai atrastu partnerus citās nozarēs.\n\nRīta daļā klasteru vadītāji stāsta par kopīgajiem "
    "projektiem, pēc tam divos blokos notiek 30 minūšu individuālās tikšanās pie galdiņiem. "
    "Pusdienas un kafija uz vietas.",
    "registered": {
        "avt": (
            "SIA Gaismas Tehnika",
            "SIA Kadrs un Ritms",
            "SIA Skaņas Studija Dzintars",
            "SIA Ģeometrija 3D",
            "SIA Virtuālā Realitāte LV",
            "SIA Dronu Filmēšana Latgale",
            "SIA Ķekavas Dekorācijas",
        ),
        "metal": (
            "AS Valmieras Mašīnbūve",
            "SIA Ādažu CNC",
            "SIA Lāzergriešana Plus",
            "SIA Robotika Baltija",
            "SIA Nerūsējošais Tērauds",
            "SIA Automatizācijas Risinājumi",
            "SIA Bauskas Konstrukcijas",
        ),
        "partika": (
            "SIA Ventspils Zivju Kombināts",
            "ZS Ābeļziedi",
            "SIA Talsu Piens",
            "SIA Aizputes Iepakojums",
            "SIA Loģistika Kurzeme",
            "SIA Čiekuru Kafija",
            "SIA Tukuma Pārtikas Tehnoloģijas",
        ),
    },
    "talks": [
        Talk(
            "SIA Ventspils Zivju Kombināts",
            "SIA Robotika Baltija",
            0,
            "Gribam automatizēt konservu kārbu pakošanu kastēs. Vai varam parādīt līnijas shēmu?",
            followed_up=(True, True),
        ),
        Talk(
            "SIA Kadrs un Ritms",
            "AS Valmieras Mašīnbūve",
            0,
            "Esam filmējuši ražotnes eksporta tirgiem; parādīsim piemērus.",
            followed_up=(True, False),
        ),
        Talk(
            "SIA Dronu Filmēšana Latgale",
            "ZS Ābeļziedi",
            0,
            "Varam no gaisa apsekot jūsu dārzu un atrast salnu skartās vietas.",
            followed_up=(True, True),
        ),
        Talk(
            "SIA Aizputes Iepakojums",
            "SIA Lāzergriešana Plus",
            0,
            "Meklējam, kas izgatavotu štances kartona iepakojuma izciršanai.",
            followed_up=(False, False),
        ),
        Talk(
            "SIA Ģeometrija 3D",
            "AS Valmieras Mašīnbūve",
            1,
            "3D vizualizācijas piekabēm tirgotāju katalogam — parādīsim, kā tas izskatās.",
            followed_up=(False, True),
        ),
        Talk(
            "SIA Talsu Piens",
            "SIA Automatizācijas Risinājumi",
            1,
            "Vēlamies redzēt ražošanas datus reālajā laikā, nevis Excel tabulās.",
            followed_up=(True, None),
        ),
        Talk(
            "SIA Čiekuru Kafija",
            "SIA Nerūsējošais Tērauds",
            1,
            "Grauzdētavai vajag divas nerūsējošā tērauda tvertnes.",
            followed_up=(False, True),
        ),
        Talk(
            "SIA Loģistika Kurzeme",
            "SIA Gaismas Tehnika",
            1,
            "Vedam kravas visā Baltijā; varam vest arī jūsu tehniku uz koncertiem.",
            followed_up=(True, False),
        ),
        Talk(
            "SIA Virtuālā Realitāte LV",
            "SIA Bauskas Konstrukcijas",
            2,
            "VR apmācība montētājiem pirms darba augstumā — vai tas jums būtu noderīgi?",
            followed_up=(False, False),
        ),
        Talk(
            "SIA Tukuma Pārtikas Tehnoloģijas",
            "SIA Kadrs un Ritms",
            2,
            "Gribam īsus video par jauno produktu izstrādi klientiem.",
            followed_up=(True, True),
        ),
        Talk(
            "SIA Skaņas Studija Dzintars",
            "SIA Ādažu CNC",
            2,
            "Vajag alumīnija stiprinājumus skaņas izolācijas paneļiem studijā.",
            followed_up=(False, False),
        ),
        Talk(
            "SIA Ķekavas Dekorācijas",
            "SIA Lāzergriešana Plus",
            3,
            "Dekorāciju detaļas no tērauda loksnēm, apmēram 40 gabali mēnesī.",
            followed_up=(True, True),
        ),
        Talk(
            "ZS Ābeļziedi",
            "SIA Nerūsējošais Tērauds",
            3,
            "Sidra pildīšanas līnijai vajag jaunus cauruļvadus.",
            followed_up=(True, False),
        ),
        Talk(
            "SIA Automatizācijas Risinājumi",
            "SIA Ventspils Zivju Kombināts",
            4,
            "Mašīnredze varētu šķirot zivis pēc izmēra ātrāk nekā cilvēks. Parādīsim piemēru.",
            followed_up=(None, True),
        ),
        Talk(
            "SIA Bauskas Konstrukcijas",
            "SIA Gaismas Tehnika",
            5,
            "Varam izgatavot sertificētas prožektoru kopnes un stiprinājumus.",
            followed_up=(False, False),
        ),
        Talk(
            "SIA Ģeometrija 3D",
            "SIA Aizputes Iepakojums",
            5,
            "3D iepakojuma vizualizācijas, lai klients redz iepakojumu pirms drukas.",
            followed_up=(True, True),
        ),
        Talk(
            "SIA Robotika Baltija",
            "SIA Talsu Piens",
            6,
            "Robotizēta paletizācija atmaksājas jau ar divām maiņām.",
            followed_up=(False, False),
        ),
        Talk(
            "SIA Loģistika Kurzeme",
            "AS Valmieras Mašīnbūve",
            6,
            "Piegādes uz Skandināviju — varam pārvadāt arī lielgabarīta kravas.",
            followed_up=(True, False),
        ),
        Talk(
            "SIA Virtuālā Realitāte LV",
            "SIA Ventspils Zivju Kombināts",
            7,
            "360° ekskursija pa ražotni pircējiem, kas nevar atbraukt.",
            followed_up=(False, None),
        ),
        Talk(
            "SIA Skaņas Studija Dzintars",
            "SIA Čiekuru Kafija",
            4,
            "Skaņas dizains kafejnīcai — lai klusāk un patīkamāk.",
            outcome="declined",
        ),
        Talk(
            "SIA Dronu Filmēšana Latgale",
            "SIA Bauskas Konstrukcijas",
            6,
            "Dronu uzmērījumi būvlaukumiem pirms montāžas.",
            outcome="pending",
        ),
    ],
    # How the companies rated the forum (1–5) and what they told the organiser; the rest did not answer.
    "ratings": {
        "SIA Gaismas Tehnika": (4, "Labi noorganizēts, atradām pārvadātāju."),
        "SIA Kadrs un Ritms": (5, "Divas tikšanās jau kļuvušas par pasūtījumiem."),
        "SIA Skaņas Studija Dzintars": (3, "Mūsu nozarei maz partneru; tikšanās bija par īsu."),
        "SIA Ģeometrija 3D": (5, "Tieši tādi kontakti, kādus meklējām."),
        "SIA Virtuālā Realitāte LV": (4, "Interesanti, nākamreiz vairāk laika tikšanās reizēm."),
        "SIA Dronu Filmēšana Latgale": (5, "Atradām pirmo klientu lauksaimniecībā."),
        "SIA Ķekavas Dekorācijas": (4, "Noderīgi, lai gan uz Valmieru tālu braukt."),
        "AS Valmieras Mašīnbūve": (4, "Labas sarunas par eksporta video."),
        "SIA Ādažu CNC": (3, "Maz pasūtītāju mūsu profilam."),
        "SIA Lāzergriešana Plus": (5, "Ieguvām regulāru pasūtītāju dekorācijām."),
        "SIA Robotika Baltija": (4, "Pārtikas ražotāji ir ļoti interesanti klienti."),
        "SIA Nerūsējošais Tērauds": (5, "Trīs jauni kontakti pārtikas nozarē."),
        "SIA Bauskas Konstrukcijas": (4, ""),
        "SIA Ventspils Zivju Kombināts": (5, "Ļoti praktiski — pilotprojekts jau sākts."),
        "ZS Ābeļziedi": (5, "Mazam uzņēmumam lieliska iespēja."),
        "SIA Talsu Piens": (4, "Labas sarunas, gaidām piedāvājumus."),
        "SIA Aizputes Iepakojums": (4, "Noderīgi, nākamreiz gribētu vairāk dizaina studiju."),
        "SIA Loģistika Kurzeme": (5, "Jauni klienti ārpus pārtikas nozares."),
        "SIA Čiekuru Kafija": (4, "Patika formāts, kafijas pauzes par īsu."),
    },
}

UPCOMING = {
    "days": 45,
    "venue": "Rīgas Tehniskās universitātes Zinātnes bibliotēka, Paula Valdena iela 5, Rīga",
    "description": "Nākamā trīs klasteru uzņēmumu tikšanās: audiovizuālo tehnoloģiju, mašīnbūves un "
    "pārtikas uzņēmumi meklē partnerus citās nozarēs.\n\nNorādiet reģistrācijā, ko meklējat un ko "
    "piedāvājat; pēc tam pieprasiet 30 minūšu tikšanās ar citu klasteru dalībniekiem. Katrs klasteris "
    "var izvirzīt līdz desmit uzņēmumiem.",
    "registered": {
        "avt": (
            "SIA Ēnu Teātris",
            "SIA Kadrs un Ritms",
            "SIA Animācijas Darbnīca Ūdensroze",
            "SIA Ģeometrija 3D",
            "SIA Virtuālā Realitāte LV",
            "SIA Pasākumu Tehnoloģijas Vidzeme",
            "SIA Šķēps Games",
        ),
        "metal": (
            "SIA Jelgavas Metālapstrāde",
            "SIA Automatizācijas Risinājumi",
            "SIA Nerūsējošais Tērauds",
            "SIA Lāzergriešana Plus",
            "SIA Zemgales Metināšanas Centrs",
            "SIA Bauskas Konstrukcijas",
            "SIA Ūdens Sūkņi",
        ),
        "partika": (
            "SIA Kuldīgas Maiznīca",
            "SIA Ventspils Zivju Kombināts",
            "SIA Saldus Gaļa",
            "SIA Liepājas Alus Darītava",
            "SIA Aizputes Iepakojums",
            "SIA Loģistika Kurzeme",
            "SIA Žāvēti Augļi",
        ),
    },
    # A member asks its manager to go; a nominated company has not registered yet.
    "requested": {"avt": ("SIA Dronu Filmēšana Latgale",)},
    "nominated": {"metal": ("SIA Dobeles Kalve",)},
    "talks": [
        Talk(
            "SIA Ēnu Teātris",
            "SIA Jelgavas Metālapstrāde",
            0,
            "Meklējam, kas izgatavotu vieglu saliekamu rāmi ceļojošai ēnu teātra skatuvei.",
        ),
        Talk(
            "SIA Automatizācijas Risinājumi",
            "SIA Liepājas Alus Darītava",
            0,
            "Pildīšanas līnijas automatizācija mazā darītavā — parādīsim, ko izdarījām citur.",
        ),
        Talk(
            "SIA Nerūsējošais Tērauds",
            "SIA Saldus Gaļa",
            0,
            "Nerūsējošā tērauda darba galdi un līnijas detaļas pēc izmēra.",
        ),
        Talk(
            "SIA Loģistika Kurzeme",
            "SIA Pasākumu Tehnoloģijas Vidzeme",
            0,
            "Varam pārvadāt skatuves tehniku uz pasākumiem visā Latvijā.",
        ),
        Talk(
            "SIA Kuldīgas Maiznīca",
            "SIA Ēnu Teātris",
            1,
            "Gribam animētu stāstu bērniem par to, kā top rudzu maize.",
        ),
        Talk(
            "SIA Virtuālā Realitāte LV",
            "SIA Zemgales Metināšanas Centrs",
            1,
            "VR metināšanas simulators ietaupa materiālus apmācību sākumā.",
        ),
        Talk(
            "SIA Ģeometrija 3D",
            "SIA Ūdens Sūkņi",
            1,
            "3D vizualizācijas sūkņu katalogam un izstādēm.",
        ),
        Talk(
            "SIA Kuldīgas Maiznīca",
            "SIA Automatizācijas Risinājumi",
            2,
            "Vai var uzskaitīt krāsns temperatūru un cepšanas laiku bez papīra žurnāla?",
        ),
        Talk(
            "SIA Jelgavas Metālapstrāde",
            "SIA Kadrs un Ritms",
            2,
            "Mums vajag video par ražotni, lai piesaistītu jaunus CNC operatorus.",
        ),
        Talk(
            "SIA Aizputes Iepakojums",
            "SIA Animācijas Darbnīca Ūdensroze",
            2,
            "Meklējam ilustratoru etiķešu sērijai.",
        ),
        Talk(
            "SIA Bauskas Konstrukcijas",
            "SIA Pasākumu Tehnoloģijas Vidzeme",
            3,
            "Skatuves konstrukcijas ar EN 1090 sertifikātu.",
        ),
        Talk(
            "SIA Ventspils Zivju Kombināts",
            "SIA Kadrs un Ritms",
            3,
            "Eksporta video par šprotēm Japānas tirgum.",
        ),
        Talk(
            "SIA Lāzergriešana Plus",
            "SIA Aizputes Iepakojums",
            4,
            "Lāzergrieztas štances iepakojuma izciršanai — ātrāk nekā no ārzemēm.",
        ),
        Talk(
            "SIA Virtuālā Realitāte LV",
            "SIA Automatizācijas Risinājumi",
            5,
            "Papildinātās realitātes instrukcijas jūsu iekārtu apkopei.",
        ),
        Talk(
            "SIA Žāvēti Augļi",
            "SIA Ģeometrija 3D",
            5,
            "3D iepakojuma maketi jaunajai čipsu līnijai.",
        ),
        Talk(
            "SIA Žāvēti Augļi",
            "SIA Ēnu Teātris",
            3,
            "Animēti tēli bērnu uzkodu iepakojumam — vai jūs to darāt?",
            outcome="pending",
        ),
        Talk(
            "SIA Ventspils Zivju Kombināts",
            "SIA Automatizācijas Risinājumi",
            4,
            "Mašīnredze zivju šķirošanai — vai to var pielāgot mūsu līnijai?",
            outcome="pending",
        ),
        Talk(
            "SIA Kuldīgas Maiznīca",
            "SIA Pasākumu Tehnoloģijas Vidzeme",
            6,
            "Varam nodrošināt maizi un uzkodas jūsu pasākumu komandām.",
            outcome="pending",
        ),
        Talk(
            "SIA Šķēps Games",
            "SIA Zemgales Metināšanas Centrs",
            4,
            "Apmācību spēle metinātājiem — vai tā noderētu jūsu kursos?",
            outcome="pending",
        ),
        Talk(
            "SIA Šķēps Games",
            "SIA Automatizācijas Risinājumi",
            6,
            "Spēļu elementi ražošanas apmācībā.",
            outcome="declined",
        ),
        Talk(
            "SIA Saldus Gaļa",
            "SIA Jelgavas Metālapstrāde",
            1,
            "Vajag rezerves detaļas gaļas pārstrādes līnijai.",
            outcome="proposed",
            other_slot=4,
        ),
    ],
}
