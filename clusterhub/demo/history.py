"""What the demo clusters' members posted and answered in the two years before the board's current posts.

Every cluster gets these (needs that members of any cluster share), posted by its own companies at dates
that activity.py spreads over 24 months. The answering company writes first, then the two sides take turns.
"""

from typing import NamedTuple

from clusterhub.demo.entries import Post


class Past(NamedTuple):
    """A post of the past and what became of it: "fulfilled", "withdrawn" or still "open"."""

    post: Post
    status: str
    answers: tuple[str, ...] = ()


PAST_POSTS = [
    Past(
        Post(
            "",
            "need",
            "training",
            "Darba aizsardzības apmācības jaunajiem darbiniekiem",
            "Pavasarī pieņemsim darbā piecus jaunus darbiniekus. Meklējam sertificētu darba aizsardzības "
            "speciālistu, kas novadītu apmācības mūsu telpās.",
            ("darba aizsardzība", "apmācības"),
        ),
        "fulfilled",
        (
            "Mūsu darba aizsardzības speciāliste apmāca arī citus uzņēmumus. Varam piedāvāt pusdienas "
            "nodarbību jūsu telpās.",
            "Paldies, tas mums der. Lūdzu, atsūtiet piedāvājumu.",
        ),
    ),
    Past(
        Post(
            "",
            "need",
            "staff",
            "Meklējam grāmatvedi uz pusslodzi",
            "Mazam uzņēmumam vajadzīgs pieredzējis grāmatvedis uz pusslodzi vai ārpakalpojumā. Ideāli, ja "
            "ir pieredze ar eksporta darījumiem.",
            ("grāmatvedība", "ārpakalpojums"),
        ),
        "fulfilled",
        (
            "Mūsu grāmatvedības partneris apkalpo vairākus klastera biedrus. Varu iepazīstināt.",
            "Būtu lieliski, paldies!",
        ),
    ),
    Past(
        Post(
            "",
            "offer",
            "equipment",
            "Iznomājam noliktavas telpas",
            "Mums ir brīvi 300 m² apsildītas noliktavas ar rampu. Iznomājam uz laiku no trim mēnešiem.",
            ("noliktava", "noma"),
        ),
        "fulfilled",
        (
            "Mums uz ziemu vajadzētu ap 150 m². Vai var iznomāt daļu?",
            "Jā, varam nodalīt. Piedāvāju apskatīt nākamnedēļ.",
            "Norunāts, būsim otrdien.",
        ),
    ),
    Past(
        Post(
            "",
            "need",
            "export",
            "Tulkotājs vācu valodā tehniskajai dokumentācijai",
            "Vajadzīgs tulkotājs, kas pārtulkotu produktu aprakstus un lietošanas instrukcijas vācu valodā. "
            "Apjoms ap 40 lappusēm.",
            ("tulkošana", "vācu valoda"),
        ),
        "fulfilled",
        ("Strādājam ar tulkošanas biroju, kas specializējas tehniskajos tekstos. Nosūtīšu kontaktu.",),
    ),
    Past(
        Post(
            "",
            "need",
            "automation",
            "Meklējam ERP sistēmas ieviesēju",
            "Gribam aizstāt vairākas Excel tabulas ar vienu ERP sistēmu noliktavai, pasūtījumiem un "
            "rēķiniem. Meklējam ieviesēju ar pieredzi ražošanas uzņēmumos.",
            ("ERP", "digitalizācija"),
        ),
        "withdrawn",
        ("Mēs pirms gada ieviesām ERP; varam pastāstīt par savu pieredzi un piegādātāju.",),
    ),
    Past(
        Post(
            "",
            "offer",
            "training",
            "Angļu valodas kursi biznesam — brīvas vietas",
            "Mūsu darbinieku grupā angļu valodas kursos ir vēl četras brīvas vietas. Nodarbības reizi nedēļā "
            "pēc darba.",
            ("angļu valoda", "kursi"),
        ),
        "fulfilled",
        (
            "Divi mūsu projektu vadītāji labprāt pievienotos. Kā notiek apmaksa?",
            "Rēķinu izrakstīs valodu skola katram uzņēmumam atsevišķi.",
        ),
    ),
    Past(
        Post(
            "",
            "need",
            "purchasing",
            "Kopīgs biroja preču iepirkums",
            "Piedāvājam apvienot biroja preču un saimniecības preču pasūtījumus, lai iegūtu lielāku atlaidi. "
            "Pasūtījums reizi ceturksnī.",
            ("kopīgais iepirkums", "biroja preces"),
        ),
        "open",
        ("Esam gatavi pievienoties, mūsu apjoms ap 300 eiro ceturksnī.",),
    ),
    Past(
        Post(
            "",
            "interest",
            "research",
            "Maģistra darbu tēmas no uzņēmumiem",
            "Vēlamies sadarboties ar augstskolu: piedāvāsim studentiem reālas tēmas maģistra darbiem un "
            "konsultācijas uzņēmumā.",
            ("augstskola", "pētniecība", "studenti"),
        ),
        "fulfilled",
        (
            "Mūsu studenti meklē tieši šādas tēmas. Varam tikties un izvēlēties divas vai trīs.",
            "Lieliski, sagatavosim tēmu sarakstu.",
            "Tēmas saņemtas, nosūtīju tās studiju programmas vadītājam.",
        ),
    ),
    Past(
        Post(
            "",
            "need",
            "equipment",
            "Uz nedēļu vajadzīgs kravas busiņš ar šoferi",
            "Nākamā mēneša sākumā jāpārved aprīkojums uz izstādi Tallinā un atpakaļ. Meklējam busiņu ar "
            "šoferi.",
            ("transports", "izstāde"),
        ),
        "fulfilled",
        ("Mūsu busiņš tajā nedēļā ir brīvs, šoferis brauc arī uz Igauniju.",),
    ),
    Past(
        Post(
            "",
            "need",
            "other",
            "Juridiska konsultācija par līgumiem ar ārvalstu klientiem",
            "Slēdzam pirmo līgumu ar klientu Norvēģijā. Meklējam juristu, kas izskatītu līgumu un "
            "atbildības nosacījumus.",
            ("juridiskās konsultācijas", "līgumi", "eksports"),
        ),
        "open",
    ),
    Past(
        Post(
            "",
            "interest",
            "exhibitions",
            "Kopīgs stends izstādē Rīgā",
            "Gribam piedalīties nākamā gada izstādē Ķīpsalā ar kopīgu stendu vairākiem biedriem, lai "
            "sadalītu izmaksas.",
            ("izstāde", "kopstends"),
        ),
        "fulfilled",
        (
            "Mēs būtu trešie stendā. Vai ir jau aptuvenas izmaksas?",
            "Aptuveni 1500 eiro katram, sīkāk nosūtīšu tāmi.",
        ),
    ),
    Past(
        Post(
            "",
            "need",
            "automation",
            "Energoaudits ražošanas telpām",
            "Meklējam sertificētu energoauditoru, kas novērtētu apkures un ventilācijas izmaksas un ieteiktu "
            "uzlabojumus.",
            ("energoaudits", "energoefektivitāte"),
        ),
        "open",
    ),
    Past(
        Post(
            "",
            "offer",
            "staff",
            "Dalāmies ar pieredzi darbinieku piesaistē no reģioniem",
            "Pagājušajā gadā piesaistījām sešus darbiniekus no Latgales un Vidzemes. Labprāt pastāstīsim, "
            "kas izdevās un kas ne.",
            ("personāls", "reģioni"),
        ),
        "open",
        ("Mums tas ļoti noderētu. Vai varam piezvanīt nākamnedēļ?",),
    ),
    Past(
        Post(
            "",
            "need",
            "export",
            "Meklējam izplatītāju Lietuvā",
            "Vēlamies sākt pārdošanu Lietuvā un meklējam izplatītāju vai aģentu. Varbūt kādam biedram jau "
            "ir labs kontakts?",
            ("Lietuva", "izplatīšana", "eksports"),
        ),
        "fulfilled",
        (
            "Mēs strādājam ar aģentu Kauņā, varu iepazīstināt.",
            "Paldies, būtu lieliski!",
            "Kontakts nosūtīts e-pastā.",
        ),
    ),
    Past(
        Post(
            "",
            "need",
            "purchasing",
            "Kopīga darba apģērbu pasūtīšana",
            "Pasūtām darba apģērbus ar logotipu ap 40 darbiniekiem. Ja vēl kāds pievienojas, ražotājs dos "
            "lielāku atlaidi.",
            ("darba apģērbs", "kopīgais iepirkums"),
        ),
        "withdrawn",
    ),
    Past(
        Post(
            "",
            "need",
            "research",
            "Produktu testēšana laboratorijā",
            "Jaunajam produktam vajadzīgi neatkarīgi testi pirms sertifikācijas. Meklējam laboratoriju vai "
            "augstskolu ar piemērotu aprīkojumu.",
            ("testēšana", "laboratorija", "sertifikācija"),
        ),
        "fulfilled",
        (
            "Mūsu laboratorijā šādus testus veicam. Atsūtiet, lūdzu, produkta aprakstu.",
            "Nosūtīju. Kad varētu sākt?",
            "Nākamajā mēnesī, rezultāti būs divu nedēļu laikā.",
        ),
    ),
]
