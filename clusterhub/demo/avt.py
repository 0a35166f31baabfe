"""The audiovisual technology cluster: film, animation, sound, games and event technology."""

from clusterhub.demo.entries import Application, News, Post, Profile, Rating, Service, Story, Thread, Visit

CLUSTER = {
    "slug": "avt",
    "name": "Latvijas audiovizuālo tehnoloģiju klasteris",
    "vision": "Latvijas audiovizuālās nozares uzņēmumi kopā rada pasaules līmeņa saturu un tehnoloģijas.",
    "description": "Filmu, animācijas, skaņas, spēļu un pasākumu tehnoloģiju uzņēmumi, skolas un "
    "pētniecības iestādes, kas kopā piedāvā pilnu audiovizuālās ražošanas ķēdi.",
    "sector": "Audiovizuālās tehnoloģijas",
    "region": "Rīga",
    "manager": ("Ilze Bērziņa", "ilze.berzina@avt.demo.lv"),
    # The order matters: each company's representative (and their demo login) is derived from it.
    "companies": [
        Profile(
            "SIA Ēnu Teātris",
            "small",
            "riga",
            ("producer",),
            ("Animācija", "Skatuves māksla"),
            ("Ēnu animācija", "Leļļu animācija", "Saturs bērniem"),
            "Animācijas studija, kas apvieno ēnu teātra tradīcijas ar digitālo animāciju. Veidojam īsfilmas "
            "un seriālus bērniem, kā arī animētus fonus teātra izrādēm.",
            joined_days_ago=61,
        ),
        Profile(
            "SIA Gaismas Tehnika",
            "medium",
            "riga",
            ("resource_holder", "distributor"),
            ("Filmēšanas tehnika", "Pasākumu tehnika"),
            ("Apgaismojuma noma", "LED apgaismojums", "Gaismotāju pakalpojumi"),
            "Apgaismojuma tehnikas noma un tirdzniecība filmēšanai, televīzijai un pasākumiem. Noliktavā ir "
            "vairāk nekā 600 prožektoru, un mūsu gaismotāji strādā visā Baltijā.",
        ),
        Profile(
            "SIA Animācijas Darbnīca Ūdensroze",
            "micro",
            "vidzeme",
            ("producer",),
            ("Animācija",),
            ("2D animācija", "Reklāmas animācija", "Ilustrācija"),
            "Neliela 2D animācijas studija Cēsīs. Zīmējam reklāmas, izglītojošus video un animētus "
            "logotipus, strādājam arī ar ārvalstu aģentūrām.",
        ),
        Profile(
            "SIA Kadrs un Ritms",
            "small",
            "riga",
            ("producer",),
            ("Video ražošana", "Dokumentālais kino"),
            ("Reklāmas filmas", "Mūzikas videoklipi", "Dokumentālās filmas", "Montāža"),
            "Producentu kompānija, kas veido reklāmas, mūzikas videoklipus un dokumentālās filmas. "
            "Strādājam ar Latvijas un Skandināvijas klientiem.",
        ),
        Profile(
            "SIA Skaņas Studija Dzintars",
            "small",
            "kurzeme",
            ("producer", "resource_holder"),
            ("Skaņas ražošana",),
            ("Dublēšana", "Skaņas ieraksts", "Dolby Atmos miksēšana", "Mūzikas producēšana"),
            "Skaņas ierakstu un pēcapstrādes studija Liepājā: dublēšana, ierunāšana, filmu skaņas "
            "miksēšana 5.1 un Dolby Atmos formātā.",
        ),
        Profile(
            "AS Rīgas Kinostudija Nova",
            "large",
            "pieriga",
            ("resource_holder", "producer"),
            ("Kino ražošana", "Televīzija"),
            ("Filmēšanas paviljoni", "Pilnmetrāžas filmas", "Starptautiski kopražojumi", "Ražošanas vadība"),
            "Lielākā kinostudija Baltijā: trīs paviljoni, zaļā siena, ģeneratori un dekorāciju darbnīcas. "
            "Apkalpojam pašmāju un ārvalstu filmu un seriālu ražošanu.",
        ),
        Profile(
            "SIA Čaklās Kameras",
            "micro",
            "riga",
            ("resource_holder",),
            ("Filmēšanas tehnika",),
            ("Kameru noma", "Operatoru pakalpojumi", "Objektīvu noma"),
            "Kinokameru un objektīvu noma ar vai bez operatora. Tehnika vienmēr pārbaudīta un gatava darbam.",
        ),
        Profile(
            "SIA Ģeometrija 3D",
            "small",
            "riga",
            ("producer",),
            ("Vizuālie efekti", "Datorgrafika"),
            ("3D modelēšana", "Vizuālie efekti", "Unreal Engine", "Arhitektūras vizualizācijas"),
            "3D grafikas un vizuālo efektu studija. Veidojam efektus filmām un reklāmām, reāllaika "
            "vizualizācijas un virtuālās ražošanas fonus.",
        ),
        Profile(
            "SIA Zvaigžņu Efekti",
            "micro",
            "zemgale",
            ("producer",),
            ("Specefekti",),
            ("Pirotehnika", "Dūmu, lietus un sniega efekti", "Drošība filmēšanas laukumā"),
            "Specefekti filmēšanas laukumā un pasākumos: sertificēti pirotehniķi, laikapstākļu efekti un "
            "atļauju saskaņošana ar pašvaldībām.",
        ),
        Profile(
            "SIA Baltic Post Production",
            "medium",
            "riga",
            ("producer",),
            ("Pēcapstrāde",),
            ("Krāsu korekcija", "DCP sagatavošana", "VFX kompozīcija", "HDR"),
            "Pēcapstrādes studija ar četrām krāsu korekcijas telpām. Sagatavojam filmas kinoteātriem, "
            "festivāliem un straumēšanas platformām.",
        ),
        Profile(
            "SIA Ķekavas Dekorācijas",
            "small",
            "pieriga",
            ("producer", "resource_holder"),
            ("Dekorācijas",),
            ("Dekorāciju būve", "Rekvizīti", "CNC frēzēšana", "Uzglabāšana"),
            "Būvējam dekorācijas filmām, teātriem un izstādēm. Ķekavā mums ir darbnīca un apsildāma "
            "noliktava.",
        ),
        Profile(
            "SIA Ļoti Labi Mediji",
            "micro",
            "riga",
            ("intermediary",),
            ("Satura izplatīšana",),
            ("Filmu izplatīšana", "Sociālie mediji", "Festivālu stratēģija"),
            "Aģentūra, kas palīdz autoriem izplatīt filmas un animāciju festivālos, televīzijās un "
            "straumēšanas platformās.",
        ),
        Profile(
            "SIA Ņiprie Montāžisti",
            "micro",
            "latgale",
            ("producer",),
            ("Pēcapstrāde",),
            ("Montāža", "Subtitri", "Tulkošana"),
            "Montāžas un subtitrēšanas komanda Daugavpilī. Strādājam attālināti latviešu, krievu un angļu "
            "valodā.",
        ),
        Profile(
            "SIA Šķēps Games",
            "small",
            "riga",
            ("producer",),
            ("Videospēles",),
            ("Unreal Engine", "Unity", "Spēļu dizains", "3D māksla"),
            "Neatkarīga videospēļu studija. Mūsu spēles pieejamas Steam un konsolēs, tagad strādājam pie "
            "vēsturiska piedzīvojumu projekta.",
        ),
        Profile(
            "SIA Žurka Animation",
            "small",
            "riga",
            ("producer",),
            ("Animācija",),
            ("3D animācija", "Animācijas seriāli", "Kopražojumi"),
            "3D animācijas studija, kas veido seriālus un pilnmetrāžas filmas kopā ar Francijas un Vācijas "
            "producentiem.",
        ),
        Profile(
            "SIA Amber Sound Systems",
            "medium",
            "pieriga",
            ("distributor", "resource_holder"),
            ("Skaņas tehnika", "Pasākumu tehnika"),
            ("Skaņas aparatūras izplatīšana", "Sistēmu uzstādīšana", "Koncertu skaņa"),
            "Profesionālās skaņas aparatūras izplatītājs Baltijā. Projektējam un uzstādām skaņas sistēmas "
            "koncertzālēm, teātriem un studijām.",
        ),
        Profile(
            "Rīgas Kino un Televīzijas skola",
            "medium",
            "riga",
            ("education_research",),
            ("Izglītība",),
            ("Operatoru mākslas apmācība", "Montāžas apmācība", "Skaņas režija", "Prakses"),
            "Profesionālā izglītība kino un televīzijas nozarei: operatori, montāžas režisori, skaņu "
            "režisori un producenti.",
        ),
        Profile(
            "Latvijas Kultūras akadēmija, Rīgas Kino muzejs",
            "medium",
            "riga",
            ("education_research", "public_sector"),
            ("Pētniecība", "Kultūras mantojums"),
            ("Kino vēsture", "Auditorijas pētījumi", "Arhīvu digitalizācija"),
            "Pētām Latvijas kino vēsturi un auditoriju, glabājam kino mantojumu un rīkojam izstādes.",
        ),
        Profile(
            "SIA Pasākumu Tehnoloģijas Vidzeme",
            "small",
            "vidzeme",
            ("resource_holder",),
            ("Pasākumu tehnika",),
            ("LED ekrāni", "Skatuves konstrukcijas", "Pasākumu tehniskā vadība"),
            "Skatuves, LED ekrāni, skaņa un gaisma pasākumiem Valmierā un visā Vidzemē.",
        ),
        Profile(
            "SIA Virtuālā Realitāte LV",
            "micro",
            "riga",
            ("producer",),
            ("Virtuālā realitāte",),
            ("VR pieredzes", "360° video", "Papildinātā realitāte"),
            "Veidojam VR un AR pieredzes muzejiem, tūrisma objektiem un uzņēmumu mācībām.",
        ),
        Profile(
            "SIA Liepājas Video Centrs",
            "micro",
            "kurzeme",
            ("producer",),
            ("Video ražošana",),
            ("Pasākumu filmēšana", "Tiešraides", "Reģionālās ziņas"),
            "Filmējam un pārraidām pasākumus Kurzemē, veidojam reģionālos video stāstus.",
        ),
        Profile(
            "SIA Dronu Filmēšana Latgale",
            "micro",
            "latgale",
            ("resource_holder", "producer"),
            ("Filmēšanas tehnika",),
            ("Dronu filmēšana", "Aerofotografēšana", "Lidojumu saskaņošana"),
            "Filmējam no gaisa ar licencētiem pilotiem un saskaņojam lidojumus visā Latvijā.",
        ),
        Profile(
            "SIA Kinolentu Digitalizācija",
            "micro",
            "latgale",
            ("resource_holder",),
            ("Kino", "Arhīvi"),
            ("Kinolentu skenēšana", "Attēla restaurācija", "Digitalizācija"),
            "Skenējam un restaurējam 16 mm un 35 mm kinolentes arhīviem, muzejiem un privātām kolekcijām.",
            joined_days_ago=1960,
        ),
    ],
    "posts": [
        Post(
            "SIA Ēnu Teātris",
            "need",
            "research",
            "Meklējam pētniekus bērnu auditorijas testēšanai",
            "Izstrādājam animācijas seriālu pirmsskolas vecuma bērniem un vēlamies pārbaudīt pilotsēriju "
            "fokusgrupās. Meklējam partneri augstskolā vai pētniecības centrā ar pieredzi darbā ar bērnu "
            "auditoriju.",
            ("animācija", "bērnu saturs", "auditorijas pētījums"),
            90,
        ),
        Post(
            "SIA Gaismas Tehnika",
            "offer",
            "equipment",
            "Iznomājam LED apgaismojuma komplektus filmēšanai",
            "Klastera biedriem piedāvājam ARRI SkyPanel un Aputure komplektus ar 20 % atlaidi darba dienās. "
            "Piegāde Rīgā un Pierīgā, pēc vajadzības kopā ar gaismotāju.",
            ("apgaismojums", "noma"),
        ),
        Post(
            "SIA Gaismas Tehnika",
            "need",
            "automation",
            "Noliktavas uzskaites sistēma nomas tehnikai",
            "Meklējam risinājumu ar svītrkodiem vai RFID, lai redzētu, kur atrodas katrs nomā izdotais "
            "prožektors. Interesē citu nomas uzņēmumu pieredze vai IT partneris.",
            ("RFID", "noliktava"),
            60,
        ),
        Post(
            "SIA Animācijas Darbnīca Ūdensroze",
            "need",
            "staff",
            "Vajadzīgs 2D animators uz pusslodzi",
            "Cēsu studijai vajadzīgs animators ar Toon Boom Harmony pieredzi reklāmas projektiem. Var "
            "strādāt attālināti, reizi mēnesī tiekamies studijā.",
            ("2D animācija", "darbinieki"),
            45,
        ),
        Post(
            "SIA Kadrs un Ritms",
            "interest",
            "export",
            "Meklējam partneri kopražojumam ar Skandināvijas producentiem",
            "Mums ir divi dokumentālo filmu projekti, kas piemēroti kopražojumam ar Norvēģiju un Zviedriju. "
            "Meklējam Latvijas partneri ar pēcapstrādes jaudām, lai kopā pieteiktos Nordisk Film & TV Fond "
            "finansējumam.",
            ("kopražojums", "dokumentālais kino", "Skandināvija"),
        ),
        Post(
            "SIA Skaņas Studija Dzintars",
            "offer",
            "equipment",
            "Brīvs laiks skaņas studijā dublēšanai",
            "Liepājas studijā rudenī ir brīvas dienas dublēšanai un ierakstiem. Dolby Atmos miksēšanas telpa "
            "un pieredzējis skaņu režisors; cenas klastera biedriem pēc vienošanās.",
            ("dublēšana", "skaņas ieraksts", "Dolby Atmos"),
            120,
        ),
        Post(
            "AS Rīgas Kinostudija Nova",
            "offer",
            "equipment",
            "Paviljons pieejams reklāmu filmēšanai",
            "Ziemas mēnešos 800 m² paviljons ar zaļo sienu un ģeneratoru ir pieejams īsiem projektiem. "
            "Minimālā noma – viena diena.",
            ("paviljons", "zaļā siena"),
        ),
        Post(
            "AS Rīgas Kinostudija Nova",
            "need",
            "staff",
            "Meklējam filmēšanas grupas darbiniekus ārvalstu seriālam",
            "Nākamvasar Rīgā filmēsim ārvalstu seriālu. Vajadzīgi otrie režisora asistenti, fokusa vilcēji "
            "un rekvizitori ar pieredzi starptautiskos projektos.",
            ("filmēšanas grupa", "seriāls"),
            150,
        ),
        Post(
            "SIA Čaklās Kameras",
            "offer",
            "equipment",
            "RED un Sony FX kameru noma ar operatoru",
            "Piedāvājam kameru komplektus ar objektīviem un operatoru. Klastera biedriem piegāde Rīgā bez "
            "maksas.",
            ("kameras", "noma", "operators"),
        ),
        Post(
            "SIA Ģeometrija 3D",
            "interest",
            "research",
            "Sadarbība virtuālās ražošanas (LED volume) pilotprojektā",
            "Gribam izveidot Latvijā pirmo nelielo virtuālās ražošanas stendu ar Unreal Engine. Meklējam "
            "partnerus ar LED ekrāniem, kameru izsekošanas tehniku un studijas telpām.",
            ("virtuālā ražošana", "Unreal Engine", "LED"),
            100,
        ),
        Post(
            "SIA Zvaigžņu Efekti",
            "offer",
            "other",
            "Specefekti un pirotehnikas drošība filmēšanas laukumā",
            "Sertificēti pirotehniķi, dūmu, lietus un sniega efekti. Palīdzam saskaņot atļaujas ar "
            "pašvaldību "
            "un ugunsdzēsējiem.",
            ("specefekti", "pirotehnika"),
        ),
        Post(
            "SIA Baltic Post Production",
            "offer",
            "automation",
            "Krāsu korekcija un DCP sagatavošana festivāliem",
            "DaVinci Resolve krāsu korekcija, HDR versijas un DCP kopijas festivāliem. Klastera biedriem "
            "prioritāra rinda pirms festivālu termiņiem.",
            ("krāsu korekcija", "DCP", "festivāli"),
        ),
        Post(
            "SIA Baltic Post Production",
            "need",
            "training",
            "Apmācības par ACES krāsu pārvaldību",
            "Vēlamies kopā ar citiem pēcapstrādes uzņēmumiem uzaicināt ārvalstu ekspertu uz divu dienu "
            "apmācībām par ACES darba plūsmu. Izmaksas dalītu starp dalībniekiem.",
            ("apmācības", "ACES"),
            75,
        ),
        Post(
            "SIA Ķekavas Dekorācijas",
            "offer",
            "equipment",
            "Noliktava dekorāciju uzglabāšanai un CNC frēze",
            "Ķekavā ir 600 m² apsildāma noliktava. Piedāvājam uzglabāt dekorācijas un rekvizītus starp "
            "filmēšanām, kā arī iznomāt CNC frēzi un krāsošanas kameru.",
            ("noliktava", "dekorācijas", "CNC"),
        ),
        Post(
            "SIA Ļoti Labi Mediji",
            "offer",
            "export",
            "Palīdzam izplatīt īsfilmas starptautiskajās platformās",
            "Sagatavojam materiālus un piedāvājam filmas straumēšanas platformām un TV kanāliem Eiropā. "
            "Meklējam autorus ar gatavām īsfilmām un animācijām.",
            ("izplatīšana", "īsfilmas"),
        ),
        Post(
            "SIA Ņiprie Montāžisti",
            "offer",
            "other",
            "Subtitri latviešu, krievu un angļu valodā",
            "Ātri un precīzi subtitri filmām, seriāliem un mācību video. Strādājam attālināti no Daugavpils.",
            ("subtitri", "tulkošana"),
        ),
        Post(
            "SIA Šķēps Games",
            "need",
            "staff",
            "Meklējam Unreal Engine izstrādātājus un 3D māksliniekus",
            "Paplašinām komandu jaunai spēlei. Vajadzīgi divi programmētāji un viens tehniskais mākslinieks; "
            "esam atvērti arī sadarbībai ar studentiem.",
            ("Unreal Engine", "darbinieki", "spēles"),
            60,
        ),
        Post(
            "SIA Šķēps Games",
            "interest",
            "exhibitions",
            "Kopīgs Latvijas stends Gamescom izstādē",
            "Meklējam 3–5 spēļu un interaktīvā satura uzņēmumus kopīgam stendam Ķelnē. Stenda un transporta "
            "izmaksas dalītu, LIAA atbalstam varētu pieteikties kopā.",
            ("Gamescom", "izstāde", "kopīgs stends"),
            110,
        ),
        Post(
            "SIA Žurka Animation",
            "interest",
            "export",
            "Meklējam partnerus animācijas seriāla kopražojumam ar Franciju",
            "Mūsu 3D seriālam ir franču producentu interese. Meklējam Latvijas partnerus skaņai un "
            "kompozīcijai, lai kopā dotos uz Annecy tirgu.",
            ("animācija", "kopražojums", "Francija"),
        ),
        Post(
            "SIA Amber Sound Systems",
            "offer",
            "purchasing",
            "Kopīgs skaņas aparatūras iepirkums ar ražotāja atlaidi",
            "Kā oficiālais izplatītājs varam piedāvāt klastera biedriem kopēju pasūtījumu ar 15 % atlaidi, "
            "ja "
            "kopsumma pārsniedz 30 000 eiro. Pieteikumi līdz mēneša beigām.",
            ("skaņas tehnika", "kopīgais iepirkums"),
            30,
        ),
        Post(
            "Rīgas Kino un Televīzijas skola",
            "offer",
            "staff",
            "Studentu prakse filmēšanas laukumā un pēcapstrādē",
            "Mūsu operatoru, montāžas un skaņas studenti meklē prakses vietas pavasara semestrī. Prakse "
            "ilgst "
            "6–8 nedēļas, skola nodrošina prakses vadītāju.",
            ("prakse", "studenti"),
        ),
        Post(
            "Latvijas Kultūras akadēmija, Rīgas Kino muzejs",
            "interest",
            "research",
            "Latvijas kino arhīva digitalizācija",
            "Gatavojam projektu 20. gadsimta filmu un fotogrāfiju digitalizācijai. Meklējam partnerus ar "
            "skenēšanas un restaurācijas tehnoloģijām.",
            ("digitalizācija", "kino mantojums"),
        ),
        Post(
            "SIA Pasākumu Tehnoloģijas Vidzeme",
            "offer",
            "equipment",
            "LED ekrāni un skatuves konstrukcijas vasaras pasākumiem",
            "Iznomājam āra LED ekrānus (P3,9) un skatuves ar jumtu. Piegāde un montāža visā Vidzemē.",
            ("LED ekrāni", "skatuve", "pasākumi"),
        ),
        Post(
            "SIA Virtuālā Realitāte LV",
            "need",
            "research",
            "Meklējam muzeju vai tūrisma partneri VR ekspozīcijai",
            "Esam izstrādājuši VR pieredzi ar 360° video un interaktīviem elementiem. Meklējam muzeju vai "
            "tūrisma objektu pilotprojektam un kopīgam pieteikumam finansējumam.",
            ("VR", "muzeji", "tūrisms"),
            90,
        ),
        Post(
            "SIA Liepājas Video Centrs",
            "interest",
            "other",
            "Kopīgi video stāsti par Kurzemes uzņēmumiem",
            "Piedāvājam citiem Kurzemes biedriem kopā veidot īsu video sēriju par reģiona ražotājiem, ko "
            "izmantot eksporta prezentācijās.",
            ("video", "Kurzeme", "mārketings"),
        ),
        Post(
            "SIA Dronu Filmēšana Latgale",
            "offer",
            "equipment",
            "Dronu filmēšana ar licencētiem pilotiem",
            "Filmējam 4K un 6K ar DJI Inspire 3, saskaņojam lidojumus ar Civilās aviācijas aģentūru. "
            "Strādājam visā Latvijā.",
            ("droni", "aerofilmēšana"),
        ),
    ],
    "threads": [
        Thread(
            "Iznomājam LED apgaismojuma komplektus filmēšanai",
            "SIA Kadrs un Ritms",
            (
                "Labdien! Nākamnedēļ mums ir divu dienu reklāmas filmēšana Rīgā. Vai otrdien un trešdien "
                "būtu "
                "pieejami divi SkyPanel S60 un gaismotājs?",
                "Labdien! Jā, abas dienas ir brīvas. Piegādāsim pirmdienas vakarā, gaismotājs būs uz vietas "
                "no "
                "8:00. Tāmi nosūtīšu e-pastā.",
                "Paldies, tāme apstiprināta. Tiekamies pirmdien!",
            ),
            collaboration=True,
        ),
        Thread(
            "Sadarbība virtuālās ražošanas (LED volume) pilotprojektā",
            "SIA Pasākumu Tehnoloģijas Vidzeme",
            (
                "Mums ir P2,6 LED ekrāni, kurus ziemā izmantojam maz. Varam tos piedāvāt izmēģinājumam.",
                "Lieliski! Piedāvāju tikties Rīgā nākamās nedēļas ceturtdienā, varam kopā apskatīt arī Nova "
                "paviljonu.",
            ),
            collaboration=True,
        ),
        Thread(
            "Brīvs laiks skaņas studijā dublēšanai",
            "SIA Ēnu Teātris",
            (
                "Labdien! Mūsu animācijas seriāla pilotsērijai vajag ierunāt trīs tēlus. Vai nākammēnes "
                "būtu brīvas divas dienas, un vai varat ieteikt aktierus, kas ierunā bērnu balsis?",
                "Labdien! Jā, 12. un 13. datums ir brīvi. Varam piedāvāt divas aktrises ar pieredzi "
                "bērnu seriālos; atsūtiet scenāriju, un sagatavosim tāmi.",
                "Paldies! Scenāriju nosūtīju e-pastā. Vai varam ierakstā piedalīties paši, attālināti?",
            ),
        ),
        Thread(
            "Meklējam pētniekus bērnu auditorijas testēšanai",
            "Latvijas Kultūras akadēmija, Rīgas Kino muzejs",
            (
                "Mūsu maģistrantiem ir pieredze auditorijas pētījumos. Pavasarī varam palīdzēt ar "
                "fokusgrupām.",
                "Paldies! Vai varat atsūtīt kāda iepriekšējā pētījuma piemēru?",
            ),
        ),
        Thread(
            "Meklējam Unreal Engine izstrādātājus un 3D māksliniekus",
            "Rīgas Kino un Televīzijas skola",
            (
                "Mūsu absolventi apguva Unreal Engine virtuālās ražošanas kursā. Varam izsludināt jūsu "
                "vakanci skolas kanālos.",
                "Būtu lieliski. Vakances aprakstu nosūtīšu vēl šodien.",
            ),
        ),
        Thread(
            "Brīvs laiks skaņas studijā dublēšanai",
            "SIA Žurka Animation",
            (
                "Mums vajadzīga seriāla dublēšana latviešu valodā: 13 sērijas pa 11 minūtēm. Vai novembris "
                "būtu iespējams?",
                "Jā, novembrī varam. Aktierus varam atlasīt kopā; piedāvājumu sagatavosim līdz piektdienai.",
                "Piedāvājums saņemts un apstiprināts, sākam 4. novembrī.",
            ),
            collaboration=True,
        ),
        Thread(
            "Dronu filmēšana ar licencētiem pilotiem",
            "SIA Liepājas Video Centrs",
            (
                "Vai maijā varētu filmēt jūras krastu Liepājā? Būtu vajadzīgas divas dienas.",
                "Varam. Lidojumu saskaņošanai vajadzēs apmēram nedēļu, tāpēc datumus vislabāk zināt laikus.",
            ),
        ),
    ],
    "ratings": [
        Rating(
            "SIA Kadrs un Ritms",
            "SIA Gaismas Tehnika",
            (5, 5, 4),
            "Tehnika bija kārtībā, gaismotājs ieradās laikā. Iesakām.",
        ),
        Rating(
            "SIA Ģeometrija 3D",
            "SIA Pasākumu Tehnoloģijas Vidzeme",
            (4, 4, 5),
            "Atsaucīgi un elastīgi, ekrānu uzstādīšana aizņēma nedaudz ilgāk, nekā solīts.",
        ),
        Rating(
            "SIA Žurka Animation",
            "SIA Skaņas Studija Dzintars",
            (5, 4, 5),
            "Profesionāla komanda, lieliska aktieru atlase, termiņi ievēroti.",
        ),
        Rating(
            "SIA Skaņas Studija Dzintars",
            "SIA Žurka Animation",
            (4, 5, 5),
            "Skaidri uzdevumi un ātra apmaksa.",
        ),
    ],
    # activity.py gives the cluster two years of dated life; these two companies have a story of their own.
    "newcomer": "SIA Ēnu Teātris",
    "drifting": "SIA Kinolentu Digitalizācija",
    "venue": "Rīgas Kino muzejs, Peitavas iela 10/12, Rīga",
    "services": [
        Service(
            "Eksporta mārketinga apmācība",
            "training",
            "Divu dienu praktiskas apmācības par audiovizuālo pakalpojumu pārdošanu ārvalstu klientiem: "
            "piedāvājums, cenas, sarunas un līgumi.",
        ),
        Service(
            "Tirdzniecības misija uz Vāciju",
            "trade_mission",
            "Klastera delegācija uz Berlīni un Minheni: tikšanās ar producentiem, raidorganizācijām un spēļu "
            "studijām, ko klastera vadība sarunā iepriekš.",
        ),
        Service(
            "Kopstends Eiropas filmu tirgū Berlīnē",
            "exhibition",
            "Klastera kopīgais stends European Film Market; dalībnieki dala stenda un reģistrācijas "
            "izmaksas.",
        ),
        Service(
            "Konsultācijas par ES un VKKF finansējumu",
            "consultation",
            "Individuālas konsultācijas par projektu pieteikumiem ES programmām un Valsts Kultūrkapitāla "
            "fondam.",
        ),
        Service(
            "Kopīgā aprīkojuma apdrošināšana",
            "joint_purchasing",
            "Biedru kopīgs filmēšanas un skaņas aprīkojuma apdrošināšanas iepirkums ar labākiem "
            "nosacījumiem.",
        ),
    ],
    "news": [
        News(
            "Atvērta pieteikšanās kopstendam Berlīnē",
            "Klasteris atkal piedalīsies European Film Market ar kopīgu stendu. Pieteikties var līdz mēneša "
            "beigām; stenda izmaksas dalīsim starp dalībniekiem.",
            62,
        ),
        News(
            "Jauns pakalpojums: konsultācijas par finansējumu",
            "Reizi mēnesī klastera birojā konsultē pieredzējusi projektu vadītāja. Pierakstieties pie "
            "klastera vadītājas.",
            30,
        ),
        News(
            "Nākamajā biedru sapulcē prezentēsies jaunie biedri",
            "Jaunie biedri pastāstīs par sevi piecās minūtēs. Ja arī jūs vēlaties prezentēt jaunu produktu, "
            "dodiet ziņu klastera vadībai.",
            6,
        ),
    ],
    "stories": [
        Story(
            "SIA Kadrs un Ritms",
            "Pēc tirdzniecības misijas — trīs jauni klienti Vācijā",
            "Klastera tirdzniecības misijā uz Berlīni SIA Kadrs un Ritms satika trīs producentus. Pusgada "
            "laikā no tām izauga pasūtījumi reklāmas filmām un dokumentālās filmas montāžai.",
            True,
        ),
        Story(
            "SIA Gaismas Tehnika",
            "Kopīgā apdrošināšana ietaupīja 18 % izmaksu",
            "Apvienojot aprīkojuma apdrošināšanu ar citiem biedriem, SIA Gaismas Tehnika samazināja polises "
            "izmaksas par 18 % un paplašināja segumu ārvalstu filmēšanām.",
            False,
        ),
    ],
    "visits": [
        Visit(
            "AS Rīgas Kinostudija Nova",
            75,
            (
                "Paviljons ziemā noslogots tikai par pusi",
                "Grūti atrast pieredzējušus virtuālās ražošanas speciālistus",
                "Ārvalstu producenti maz zina par Latvijas iespējām",
            ),
            "Virtuālās ražošanas paviljons strādā visu gadu; divi ārvalstu projekti gadā.",
            "Baltijā vadošā studija virtuālajai ražošanai ar savu apmācību programmu.",
            "Kopā ar SIA Ģeometrija 3D un SIA Pasākumu Tehnoloģijas Vidzeme izmēģināja LED paviljonu.",
            "Iepazīstināt ar Rīgas Kino un Televīzijas skolu par prakses vietām; uzaicināt uz kopstendu "
            "Berlīnē.",
        ),
        Visit(
            "SIA Žurka Animation",
            140,
            (
                "Seriālu finansējums atkarīgs no vienas raidorganizācijas",
                "Trūkst 3D animatoru",
                "Dārga programmatūras licencēšana",
            ),
            "Koprodukcija ar vienu Skandināvijas studiju.",
            "Savs animācijas seriāls starptautiskā izplatīšanā.",
            "Dublēšanu latviešu valodā veica klastera biedrs SIA Skaņas Studija Dzintars.",
            "Konsultācija par ES finansējumu koprodukcijām; kopīgs licenču iepirkums ar citām studijām.",
        ),
        Visit(
            "SIA Ķekavas Dekorācijas",
            300,
            (
                "Sezonāls darbs, vasarā pārslodze",
                "Noliktavas telpas par šauru",
                "Maz pasūtījumu no ārvalstu filmām",
            ),
            "Jauna noliktava Ķekavā un otrs dekorāciju meistars.",
            "Dekorāciju būve ārvalstu filmām Baltijā.",
            "",
            "Iesaistīt tirdzniecības misijā uz Vāciju.",
        ),
        Visit(
            "SIA Kinolentu Digitalizācija",
            470,
            ("Maz laika iesaistīties klastera darbā", "Pasūtījumi galvenokārt no arhīviem", ""),
            "Stabils arhīvu pasūtījumu apjoms.",
            "",
            "",
            "Piezvanīt pēc pusgada un piedāvāt konsultāciju par finansējumu.",
        ),
    ],
    "applications": [
        Application(
            "SIA Krāsu Korekcija",
            "40203456789",
            "https://krasukorekcija.example.lv",
            "Roberts Celmiņš",
            "roberts@krasukorekcija.example.lv",
            "+371 26111222",
            "Esam krāsu korekcijas studija ar DaVinci Resolve sertificētiem koloristiem. Vēlamies "
            "sadarboties ar "
            "producentiem un post-production studijām un kopā piedalīties ārvalstu tirgos.",
            4,
        ),
        Application(
            "SIA Pasākumu Aģentūra Zvaigzne",
            "",
            "",
            "Inga Vilka",
            "inga@zvaigzne.example.lv",
            "",
            "Rīkojam korporatīvus pasākumus un meklējam jaunus klientus.",
            50,
            "Klasteris apvieno audiovizuālā satura un tehnoloģiju uzņēmumus; pasākumu rīkošana bez savas "
            "tehnikas vai satura ražošanas neatbilst uzņemšanas kritērijiem. Labprāt runāsim vēlreiz, ja "
            "uzņēmums sāks attīstīt šo virzienu.",
        ),
    ],
}
