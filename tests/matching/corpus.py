"""A hand-written cluster whose right partners are known: the yardstick of the matchmaking test.

One cross-sector cluster of Kurzeme and Rīga members: audiovisual and animation, metalworking, food,
ICT, logistics, education and research, finance and the public sector. Most profiles are Latvian,
some English. Every need names the companies that rightly answer it, each with why; the other
members that share its words are there on purpose, as distractors:
- a shared word but not the competence (Ostas Loģistika carries "kravu pārvadājumi" into an
  investor's need; Kurjers Plus writes "interneta veikaliem"; Filmu Noma Baltika is an
  "izplatītājs" of films, not of cheese);
- the same sector but the wrong competence or role (Zīmuļu Darbnīca against the animation school,
  Ventspils Metinātāji against the welders' school); Kurzemes Piens writes the same words as the
  cheese distributor (cheese to shops and restaurants in Rīga) but is a producer like the goat
  farm that asks, so only the value-chain role puts the distributor first; the two couriers
  differ only in region, so the one in Vidzeme should come first for a Vidzeme bakery;
- the boilerplate of profiles ("atvērts sadarbībai ar jauniem partneriem", "Meklējam sadarbības
  partnerus") that says nothing about what a company does;
- the author's own company, which has the very competence it asks for and must never be suggested.
A need's company must be one of COMPANIES; posts are written without a person (author None).
"""

CLUSTER = {"slug": "kurzemes-partneri", "name": "Kurzemes un Rīgas sadarbības klasteris"}

ANIMATION = "SIA Kadru Fabrika"
DRAWING = "SIA Zīmuļu Darbnīca"
SOUND = "SIA Skaņas Sala"
FILM_DISTRIBUTOR = "SIA Filmu Noma Baltika"
POST_HOUSE = "Northlight Post Ltd"
DOCUMENTARY = "Amber Docs Ltd"
CAMERAS = "SIA Gaismas Tehnika"
ANIMATION_SCHOOL = "Rīgas Animācijas akadēmija"
SHEET_METAL = "SIA Metālapstrāde Liepāja"
WELDERS = "SIA Ventspils Metinātāji"
COATING = "SIA Pulverkrāsa"
ROBOTICS = "Baltic Robotics Integration"
TECH_SCHOOL = "Kurzemes Tehnoloģiju augstskola"
BERRIES = "Z/S Saules Ogas"
DAIRY = "SIA Kurzemes Piens"
GOAT_CHEESE = "Z/S Siera Māja"
BAKERY = "SIA Maizes Ceplis"
FOOD_WHOLESALE = "SIA Svaigā Piegāde"
FOOD_INSTITUTE = "Pārtikas Inovāciju institūts"
NORDIC_TRADE = "Nordic Shelf Trading Ltd"
COLD_CHAIN = "ColdLink Baltic SIA"
FORWARDER = "SIA Ostas Loģistika"
COURIER = "SIA Kurjers Plus"
LOCAL_COURIER = "SIA Vidzemes Kurjers"
WEB_SHOPS = "SIA Datu Kalve"
HOSTING = "SIA Mākoņa Risinājumi"
APPS = "SIA Lietotņu Studija"
VISION = "Vision Lab Ltd"
EXPORT_ADVISERS = "SIA Eksporta Konsultanti"
SEED_FUND = "SIA Sēklas Kapitāls"
PLANNING_REGION = "Kurzemes plānošanas reģions"
QUALITY_ADVISERS = "SIA Kvalitātes Audits"

# Member companies and their profiles, as update_profile takes them.
COMPANIES = {
    ANIMATION: {
        "description": "Animācijas studija Rīgā ar 25 animatoriem. Veidojam 3D animācijas seriālus bērniem, "
        "reklāmas un spēļu video. Strādājam ar Blender un Maya, pilns cikls no personāžu dizaina "
        "līdz renderēšanai.",
        "competences": ["3D animācija", "Personāžu modelēšana", "Renderēšana", "Animācijas seriāli"],
        "sectors": ["Audiovizuālā nozare"],
        "infrastructure": "Renderēšanas ferma ar 40 GPU mezgliem, kustību uztveršanas (motion capture) "
        "studija.",
        "roles": ["producer"],
        "region": "riga",
        "size": "small",
    },
    DRAWING: {
        "description": "Neliela 2D animācijas studija Cēsīs. Zīmētā animācija, stāstu dēļi (storyboard) un "
        "ilustrācijas bērnu grāmatām un seriāliem.",
        "competences": ["2D animācija", "Zīmētā animācija", "Storyboard", "Ilustrācija"],
        "sectors": ["Audiovizuālā nozare"],
        "roles": ["producer"],
        "region": "vidzeme",
        "size": "micro",
    },
    SOUND: {
        "description": "Skaņu studija filmām, seriāliem un spēlēm: ierunāšana, dublēšana latviešu, krievu un "
        "angļu valodā, skaņu režija un oriģinālmūzika.",
        "competences": ["Ierunāšana", "Dublēšana", "Skaņu režija", "Mūzika filmām"],
        "sectors": ["Audiovizuālā nozare"],
        "infrastructure": "Divas ierakstu studijas un Dolby Atmos miksēšanas zāle.",
        "roles": ["producer", "resource_holder"],
        "region": "riga",
        "size": "micro",
    },
    FILM_DISTRIBUTOR: {
        "description": "Filmu izplatītājs Baltijā: izplatām pilnmetrāžas spēlfilmas un animācijas filmas "
        "kinoteātros, televīzijā un straumēšanas platformās, pārdodam filmu tiesības festivālos.",
        "competences": ["Filmu izplatīšana", "Kinoteātru repertuārs", "Filmu tiesību pārdošana"],
        "sectors": ["Audiovizuālā nozare"],
        "roles": ["distributor"],
        "region": "riga",
        "size": "small",
    },
    POST_HOUSE: {
        "description": "Post-production house in Riga for feature films, documentaries and commercials. "
        "We do colour grading, VFX compositing, online editing and DCP mastering for cinema release.",
        "competences": ["Colour grading", "VFX compositing", "DCP mastering", "Online editing"],
        "sectors": ["Audiovisual"],
        "infrastructure": "DaVinci Resolve grading suite with a calibrated 4K projector; 200 TB of storage.",
        "roles": ["producer"],
        "region": "riga",
        "size": "small",
    },
    DOCUMENTARY: {
        "description": "Independent production company of creative documentaries about the Baltic Sea and "
        "its people, co-produced with Nordic broadcasters.",
        "competences": ["Documentary production", "Co-production", "Archive research"],
        "sectors": ["Audiovisual"],
        "roles": ["producer"],
        "region": "pieriga",
        "size": "micro",
    },
    CAMERAS: {
        "description": "Filmēšanas tehnikas noma: kinokameras, objektīvi, gaismas tehnika un ģeneratori "
        "filmēšanas laukumam. Tehniku piegādājam visā Latvijā. Mūsu uzņēmums ir atvērts sadarbībai ar "
        "jauniem partneriem kopīgos projektos.",
        "competences": ["Kameru noma", "Gaismas tehnikas noma", "Filmēšanas aprīkojums"],
        "sectors": ["Audiovizuālā nozare"],
        "infrastructure": "Noliktava Rīgā: 300 gaismekļi, 12 kinokameras un trīs apgaismojuma furgoni.",
        "roles": ["resource_holder"],
        "region": "riga",
        "size": "small",
    },
    ANIMATION_SCHOOL: {
        "description": "Augstskola ar bakalaura programmu animācijā un spēļu mākslā. Mūsu studenti katru "
        "vasaru iziet praksi animācijas studijās; profesionāļiem rīkojam kursus.",
        "competences": ["Animācijas izglītība", "Studentu prakse", "Profesionālās pilnveides kursi"],
        "sectors": ["Izglītība un pētniecība", "Audiovizuālā nozare"],
        "roles": ["education_research"],
        "region": "riga",
        "size": "medium",
    },
    SHEET_METAL: {
        "description": "Loksnes metāla apstrāde pēc rasējumiem: lāzergriešana, locīšana, CNC frēzēšana un "
        "virpošana. Apstrādājam melno metālu, alumīniju un nerūsējošo tēraudu, sērijas no 10 līdz "
        "10 000 detaļām.",
        "competences": [
            "Lāzergriešana",
            "Loksnes metāla locīšana",
            "CNC frēzēšana",
            "Nerūsējošā tērauda apstrāde",
        ],
        "sectors": ["Metālapstrāde"],
        "infrastructure": "Šķiedras lāzers 3 x 1,5 m, 4 m lokšņu locīšanas prese, trīs CNC frēzes.",
        "roles": ["producer"],
        "region": "kurzeme",
        "size": "medium",
    },
    WELDERS: {
        "description": "Metāla konstrukciju izgatavošana un montāža: nerūsējošā tērauda tvertnes, galdi un "
        "cauruļvadi pārtikas rūpniecībai, tērauda konstrukcijas būvēm. Strādā sertificēti MIG/TIG "
        "metinātāji.",
        "competences": [
            "Metināšana",
            "Nerūsējošā tērauda konstrukcijas",
            "Tvertņu izgatavošana",
            "Metāla konstrukciju montāža",
        ],
        "sectors": ["Metālapstrāde"],
        "roles": ["producer"],
        "region": "kurzeme",
        "size": "small",
    },
    COATING: {
        "description": "Metāla virsmu apstrāde: pulverkrāsošana, smilšu strūklošana un karstā cinkošana. "
        "Krāsojam detaļas līdz 6 m garumā visos RAL toņos.",
        "competences": ["Pulverkrāsošana", "Smilšu strūklošana", "Cinkošana"],
        "sectors": ["Metālapstrāde"],
        "infrastructure": "Pulverkrāsošanas kamera 6 x 2 x 2 m, polimerizācijas krāsns.",
        "roles": ["producer", "resource_holder"],
        "region": "zemgale",
        "size": "small",
    },
    ROBOTICS: {
        "description": "We design and install robotic welding cells, palletising robots and machine tending "
        "for small and medium manufacturers, with PLC programming and operator training.",
        "competences": ["Robotic welding cells", "Robotizētā metināšana", "PLC programming"],
        "sectors": ["Industrial automation"],
        "roles": ["producer"],
        "region": "riga",
        "size": "small",
    },
    TECH_SCHOOL: {
        "description": "Inženierzinātņu augstskola Liepājā: mehatronikas un metālapstrādes studiju "
        "programmas, materiālu testēšanas laboratorija, metinātāju apmācība un sertifikācija pēc "
        "LVS EN ISO 9606, digitālo prasmju kursi pieaugušajiem.",
        "competences": [
            "Metinātāju apmācība",
            "Metinātāju sertifikācija",
            "Materiālu testēšana",
            "Mehatronika",
            "Digitālo prasmju kursi",
        ],
        "sectors": ["Izglītība un pētniecība"],
        "infrastructure": "Materiālu testēšanas laboratorija (stiepes un trieciena testi), metināšanas "
        "mācību darbnīca ar 12 posteņiem.",
        "roles": ["education_research"],
        "region": "kurzeme",
        "size": "medium",
    },
    BERRIES: {
        "description": "Bioloģiska zemnieku saimniecība Latgalē: audzējam krūmmellenes, upenes un "
        "smiltsērkšķus, ogas saldējam un kaltējam, spiežam ogu sulas.",
        "competences": ["Ogu audzēšana", "Saldētas ogas", "Ogu sulas"],
        "sectors": ["Pārtikas ražošana", "Lauksaimniecība"],
        "roles": ["producer"],
        "region": "latgale",
        "size": "micro",
    },
    DAIRY: {
        "description": "Piena pārstrādes uzņēmums Kuldīgā: pasterizēts piens, jogurti, biezpiens un "
        "nogatavināti sieri. Savus sierus piegādājam veikaliem un restorāniem Rīgā un visā Latvijā.",
        "competences": ["Piena pārstrāde", "Siera ražošana", "Jogurti"],
        "sectors": ["Pārtikas ražošana"],
        "roles": ["producer"],
        "region": "kurzeme",
        "size": "medium",
    },
    GOAT_CHEESE: {
        "description": "Ģimenes kazu ferma Zemgalē. Gatavojam kazas sieru un svaigos sierus, ko pārdodam "
        "savā saimniecības veikalā un Rīgas tirgos.",
        "competences": ["Kazas siers", "Siera ražošana", "Saimniecības veikals"],
        "sectors": ["Pārtikas ražošana"],
        "roles": ["producer"],
        "region": "zemgale",
        "size": "micro",
    },
    BAKERY: {
        "description": "Amatnieku ceptuve Valmierā: rudzu maize, saldskābmaize un bezglutēna maize no malkas "
        "krāsns. Mūsu maize nonāk Vidzemes veikalos un kafejnīcās.",
        "competences": ["Rudzu maize", "Saldskābmaize", "Bezglutēna maize"],
        "sectors": ["Pārtikas ražošana"],
        "infrastructure": "Malkas krāsns un rotācijas krāsns, ražošanas telpas 600 m² ar PVD atļauju.",
        "roles": ["producer"],
        "region": "vidzeme",
        "size": "small",
    },
    FOOD_WHOLESALE: {
        "description": "Pārtikas vairumtirgotājs: atdzesētus piena produktus, sierus un gaļu piegādājam "
        "300 veikaliem un restorāniem Rīgā un Pierīgā. Vietējo ražotāju produktus "
        "ievietojam veikalu plauktos.",
        "competences": ["Pārtikas vairumtirdzniecība", "Piegāde veikaliem", "Vietējo ražotāju produkti"],
        "sectors": ["Pārtikas tirdzniecība"],
        "infrastructure": "Dzesējama noliktava Mārupē, 14 refrižeratoru furgoni.",
        "roles": ["distributor"],
        "region": "pieriga",
        "size": "medium",
    },
    FOOD_INSTITUTE: {
        "description": "Zinātniskais institūts Jelgavā: jaunu pārtikas produktu izstrāde, uzturvērtības un "
        "derīguma termiņa pētījumi, sensorā vērtēšana. Akreditēta mikrobioloģijas laboratorija.",
        "competences": [
            "Produktu izstrāde",
            "Derīguma termiņa noteikšana",
            "Uzturvērtības analīzes",
            "Mikrobioloģiskie testi",
        ],
        "sectors": ["Izglītība un pētniecība", "Pārtikas ražošana"],
        "infrastructure": "Akreditēta laboratorija, pilotražotne piena un gaļas produktiem.",
        "roles": ["education_research"],
        "region": "zemgale",
        "size": "medium",
    },
    NORDIC_TRADE: {
        "description": "Trading house that brings Baltic food brands to Scandinavian retail: listings with "
        "grocery chains in Sweden and Norway, importer of record services and in-store promotion.",
        "competences": ["Food export to Scandinavia", "Retail listings", "Importer of record"],
        "sectors": ["Food trade"],
        "roles": ["intermediary", "distributor"],
        "region": "riga",
        "size": "small",
    },
    COLD_CHAIN: {
        "description": "Temperature-controlled logistics in western Latvia: a cold-storage warehouse in "
        "Liepāja port (-25 °C to +6 °C) and refrigerated trucks across Kurzeme and the Baltic states. "
        "Quality-certified service since 2009.",
        "competences": ["Cold-storage warehousing", "Refrigerated transport", "Frozen food logistics"],
        "sectors": ["Logistics"],
        "infrastructure": "Cold store with 4,000 pallet places; 22 refrigerated trucks.",
        "roles": ["resource_holder", "distributor"],
        "region": "kurzeme",
        "size": "medium",
    },
    FORWARDER: {
        "description": "Kravu ekspedīcija no Liepājas un Ventspils ostām: konteineru pārvadājumi uz Vāciju "
        "un Skandināviju, muitas noformēšana, kravu apdrošināšana un uzglabāšana muitas noliktavā.",
        "competences": ["Kravu ekspedīcija", "Konteineru pārvadājumi", "Muitas noformēšana"],
        "sectors": ["Loģistika"],
        "roles": ["intermediary"],
        "region": "kurzeme",
        "size": "small",
    },
    COURIER: {
        "description": "Kurjeru pakalpojumi: paku piegāde tās pašas dienas laikā Rīgā un nākamajā dienā visā "
        "Latvijā, pakomāti un gatava integrācija ar interneta veikaliem.",
        "competences": ["Paku piegāde", "Kurjeru pakalpojumi", "Pakomāti"],
        "sectors": ["Loģistika"],
        "roles": ["distributor"],
        "region": "riga",
        "size": "medium",
    },
    LOCAL_COURIER: {
        "description": "Kurjeru piegāde Vidzemes pilsētās un laukos: pakas, dokumenti un pārtikas sūtījumi "
        "nākamajā darba dienā.",
        "competences": ["Kurjeru piegāde", "Paku piegāde"],
        "sectors": ["Loģistika"],
        "roles": ["distributor"],
        "region": "vidzeme",
        "size": "micro",
    },
    WEB_SHOPS: {
        "description": "Interneta veikalu izstrāde un uzturēšana: WooCommerce un Shopify, maksājumu un "
        "grāmatvedības integrācijas, meklētājoptimizācija. Esam izveidojuši vairāk nekā 80 "
        "e-komercijas risinājumu.",
        "competences": [
            "Interneta veikalu izstrāde",
            "E-komercija",
            "Maksājumu integrācija",
            "Meklētājoptimizācija",
        ],
        "sectors": ["IKT"],
        "roles": ["producer"],
        "region": "riga",
        "size": "small",
    },
    HOSTING: {
        "description": "Serveru hostings un mākoņpakalpojumi Latvijas datu centros, rezerves kopijas, "
        "kiberdrošības audits un uzraudzība 24/7.",
        "competences": ["Serveru hostings", "Mākoņpakalpojumi", "Rezerves kopijas", "Kiberdrošība"],
        "sectors": ["IKT"],
        "infrastructure": "Divi Tier III datu centri Rīgā.",
        "roles": ["resource_holder"],
        "region": "riga",
        "size": "small",
    },
    APPS: {
        "description": "Mobilo lietotņu izstrāde iOS un Android, UX dizains un prototipi jaunuzņēmumiem. "
        "Attīstām arī savu lietotni kravu pārvadātājiem.",
        "competences": ["Mobilo lietotņu izstrāde", "UX dizains", "Prototipēšana"],
        "sectors": ["IKT"],
        "roles": ["producer"],
        "region": "riga",
        "size": "micro",
    },
    VISION: {
        "description": "Computer vision and machine learning for manufacturing: automated visual quality "
        "inspection, defect detection on production lines, camera and lighting set-up.",
        "competences": [
            "Computer vision",
            "Machine learning",
            "Visual quality inspection",
            "Defect detection",
        ],
        "sectors": ["ICT"],
        "roles": ["producer"],
        "region": "riga",
        "size": "micro",
    },
    EXPORT_ADVISERS: {
        "description": "Palīdzam ražotājiem iekļūt ārvalstu tirgos: eksporta tirgus izpēte, pircēju atlase "
        "Skandināvijā un Vācijā, kopstendi starptautiskās izstādēs un tirdzniecības misijas.",
        "competences": [
            "Eksporta konsultācijas",
            "Tirgus izpēte",
            "Izstāžu organizēšana",
            "Tirdzniecības misijas",
        ],
        "sectors": ["Konsultācijas"],
        "roles": ["intermediary"],
        "region": "riga",
        "size": "micro",
    },
    SEED_FUND: {
        "description": "Riska kapitāla fonds: sēklas un agrīnās stadijas investīcijas Baltijas tehnoloģiju "
        "jaunuzņēmumos no 50 līdz 500 tūkstošiem eiro, ar mentoriem no nozares.",
        "competences": ["Riska kapitāls", "Sēklas investīcijas", "Jaunuzņēmumu mentorings"],
        "sectors": ["Finanses"],
        "roles": ["finance"],
        "region": "riga",
        "size": "micro",
    },
    PLANNING_REGION: {
        "description": "Publiska iestāde, kas plāno Kurzemes attīstību, vada ES fondu projektus un konsultē "
        "pašvaldības, skolas un uzņēmējus par finansējuma iespējām.",
        "competences": ["ES fondu projekti", "Reģionālā attīstība", "Finansējuma konsultācijas"],
        "sectors": ["Publiskais sektors"],
        "roles": ["public_sector"],
        "region": "kurzeme",
        "size": "medium",
    },
    QUALITY_ADVISERS: {
        "description": "Kvalitātes vadības sistēmu ieviešana (ISO 9001, ISO 22000) un pārtikas drošības "
        "(HACCP) konsultācijas ražotājiem; iekšējie auditi un darbinieku apmācība. Meklējam sadarbības "
        "partnerus visās nozarēs.",
        "competences": ["ISO 9001 ieviešana", "HACCP", "Iekšējie auditi"],
        "sectors": ["Konsultācijas"],
        "roles": ["intermediary"],
        "region": "riga",
        "size": "micro",
    },
}

# Open offers on the board, as create_post takes them.
OFFERS = [
    {
        "company": BAKERY,
        "kind": "offer",
        "category": "other",
        "title": "Brīvas ceptuves jaudas līgumražošanai ar pasūtītāja zīmolu",
        "body": "Naktīs mūsu rotācijas krāsns stāv brīva. Cepam pīrāgus, smalkmaizītes un kūkas ar jūsu "
        "zīmolu pēc jūsu receptes, no 200 gabaliem.",
        "tags": ["Līgumražošana", "Konditoreja"],
    },
    {
        "company": COLD_CHAIN,
        "kind": "offer",
        "category": "other",
        "title": "Free pallet places in our Liepāja cold store",
        "body": "From March we have 600 frozen and 200 chilled pallet places free, with daily trucking to "
        "the port.",
        "tags": ["cold storage"],
    },
    {
        "company": HOSTING,
        "kind": "offer",
        "category": "other",
        "title": "Bezmaksas kiberdrošības audits klastera biedriem",
        "body": "Pārbaudīsim jūsu serverus, rezerves kopijas un paroļu politiku un uzrakstīsim ieteikumus.",
        "tags": ["Kiberdrošība"],
    },
    {
        "company": EXPORT_ADVISERS,
        "kind": "offer",
        "category": "exhibitions",
        "title": "Latvijas kopstends pārtikas izstādē Anuga Ķelnē",
        "body": "Aicinām pārtikas ražotājus pievienoties kopstendam: stenda vieta, tulks un tikšanās ar "
        "pircējiem no Vācijas un Skandināvijas.",
        "tags": ["Izstādes", "Pārtikas eksports"],
    },
    {
        "company": CAMERAS,
        "kind": "offer",
        "category": "equipment",
        "title": "Kameru un gaismas tehnikas noma ar atlaidi klastera biedriem",
        "body": "Klastera biedriem 20 % atlaide filmēšanas tehnikas nomai darba dienās.",
        "tags": ["Tehnikas noma"],
    },
]

# Open needs and interests; "right" names the companies that rightly answer each, with why; "industry"
# groups them by trade and "link" says what links a need to its partners (shared "words" unless told;
# see tests/matching/corpus_more.py).
NEEDS = [
    {
        "key": "3d-series",
        "industry": "audiovisual",
        "company": DRAWING,
        "kind": "need",
        "category": "other",
        "title": "Meklējam 3D animācijas partneri bērnu seriālam",
        "body": "Esam saņēmuši pasūtījumu 26 sēriju bērnu seriālam. Fonus un stāstu dēļus zīmējam paši, "
        "bet personāžiem vajag 3D modelēšanu un animāciju. Darbs sāktos rudenī.",
        "tags": ["Seriāls"],
        "right": {
            ANIMATION: "3D animācija and personāžu modelēšana are its competences; it makes series now"
        },
    },
    {
        "key": "cold-storage",
        "industry": "logistics",
        "company": NORDIC_TRADE,
        "kind": "need",
        "category": "other",
        "title": "Looking for a cold-storage logistics partner in Kurzeme",
        "body": "We consolidate frozen berries and dairy from Latvian producers for Swedish grocery chains "
        "and need refrigerated warehousing near Liepāja port, plus trucking to the port.",
        "tags": ["cold storage", "frozen food"],
        "regions": ["kurzeme"],
        "right": {COLD_CHAIN: "English profile: cold store in Liepāja port, refrigerated trucks in Kurzeme"},
    },
    {
        "key": "film-distributor",
        "industry": "audiovisual",
        "company": ANIMATION,
        "kind": "need",
        "category": "export",
        "title": "Meklējam izplatītāju mūsu pilnmetrāžas animācijas filmai",
        "body": "Pabeidzam 80 minūšu animācijas filmu ģimenēm. Vajadzīgs partneris izrādēm kinoteātros "
        "Baltijā un tiesību pārdošanai ārvalstu festivālos.",
        "tags": ["Filmu izplatīšana"],
        "right": {FILM_DISTRIBUTOR: "a distributor for a producer: cinemas, film rights at festivals"},
    },
    {
        "key": "private-label-pies",
        "industry": "food",
        "company": BERRIES,
        "kind": "need",
        "category": "other",
        "title": "Meklējam līgumražotāju ogu pīrāgiem ar mūsu zīmolu",
        "body": "Gribam laist tirgū saldētus melleņu pīrāgus. Ogas piegādāsim paši; vajadzīga ceptuve ar "
        "brīvu jaudu, kas cep pēc mūsu receptes.",
        "tags": ["Pīrāgi"],
        "right": {
            BAKERY: "its profile is only bread, but its open offer is spare capacity for private-label pies"
        },
    },
    {
        "key": "steel-tanks",
        "industry": "metal",
        "company": DAIRY,
        "kind": "need",
        "category": "equipment",
        "title": "Nepieciešamas nerūsējošā tērauda tvertnes un galdi siera ceham",
        "body": "Paplašinām siera ražošanu un meklējam uzņēmumu, kas pēc mūsu rasējumiem izgatavotu un "
        "uzstādītu nerūsējošā tērauda tvertnes, darba galdus un cauruļvadus.",
        "tags": ["Nerūsējošais tērauds"],
        "right": {
            WELDERS: "makes stainless steel tanks, tables and pipework for the food industry",
            SHEET_METAL: "cuts, bends and machines stainless steel to drawings",
        },
    },
    {
        "key": "machine-vision",
        "industry": "ict",
        "company": ROBOTICS,
        "kind": "need",
        "category": "automation",
        "title": "Looking for a machine vision partner for automated quality inspection",
        "body": "A furniture maker wants a robot cell that sorts boards by surface defects. We build the "
        "robot cell and need a partner for the cameras, defect detection and the machine learning models.",
        "tags": ["computer vision", "defect detection"],
        "right": {VISION: "English profile: visual quality inspection, defect detection, machine learning"},
    },
    {
        "key": "animation-interns",
        "industry": "education",
        "link": "synonym",
        "company": ANIMATION,
        "kind": "need",
        "category": "staff",
        "title": "Meklējam praktikantus — 3D animatorus vasaras projektiem",
        "body": "Vasarā uzņemsim četrus studentus praksē: 3D modelēšana, animācija, renderēšana. "
        "Labākajiem piedāvāsim darbu.",
        "tags": ["Praktikanti"],
        "right": {ANIMATION_SCHOOL: "its animation students need summer placements in studios"},
    },
    {
        "key": "yoghurt-lab",
        "industry": "food",
        "company": DAIRY,
        "kind": "need",
        "category": "research",
        "title": "Meklējam laboratoriju jogurta derīguma termiņa pārbaudēm",
        "body": "Izstrādājam jogurtu bez pievienota cukura. Vajag noteikt derīguma termiņu, veikt "
        "mikrobioloģiskos testus un uzturvērtības analīzes marķējumam.",
        "tags": ["Derīguma termiņš"],
        "right": {FOOD_INSTITUTE: "accredited food laboratory: shelf life, microbiology, nutrition analyses"},
    },
    {
        "key": "web-shop",
        "industry": "ict",
        "company": BAKERY,
        "kind": "need",
        "category": "other",
        "title": "Nepieciešams interneta veikals ar maksājumiem un piegādes izvēli",
        "body": "Gribam pārdot maizi tiešsaistē ar pasūtīšanu iepriekšējā vakarā. Vajadzīga interneta "
        "veikala izstrāde ar karšu maksājumiem un integrāciju ar grāmatvedību.",
        "tags": ["Interneta veikals"],
        "right": {WEB_SHOPS: "builds web shops with payment and accounting integrations"},
    },
    {
        "key": "export-scandinavia",
        "industry": "food",
        "company": BERRIES,
        "kind": "need",
        "category": "export",
        "title": "Meklējam partneri ogu produktu eksportam uz Skandināviju",
        "body": "Gribam piedāvāt saldētas ogas un ogu sulas Zviedrijas un Norvēģijas veikalu ķēdēm. "
        "Vajag tirgus izpēti, kontaktus ar pircējiem un palīdzību dalībai izstādēs.",
        "tags": ["Eksports", "Skandināvija"],
        "right": {
            EXPORT_ADVISERS: "export market research, buyers in Scandinavia, trade fairs",
            NORDIC_TRADE: "lists Baltic food with Swedish and Norwegian chains (profile in English only)",
        },
    },
    {
        "key": "seed-investor",
        "industry": "business",
        "company": APPS,
        "kind": "need",
        "category": "other",
        "title": "Meklējam investoru mūsu kravu pārvadājumu lietotnei",
        "body": "Esam izveidojuši prototipu un ieguvuši pirmos 40 klientus. Meklējam sēklas investīcijas "
        "300 tūkstošu eiro apmērā un mentoru izaugsmei Baltijā.",
        "tags": ["Investīcijas", "Riska kapitāls"],
        "right": {SEED_FUND: "seed investments in Baltic tech start-ups, with mentors"},
    },
    {
        "key": "eu-project",
        "industry": "education",
        "company": TECH_SCHOOL,
        "kind": "interest",
        "category": "training",
        "title": "Interese par kopīgu ES fondu projektu digitālo prasmju apmācībām",
        "body": "Vēlamies kopā ar pašvaldībām un uzņēmējiem sagatavot projekta pieteikumu digitālo prasmju "
        "kursiem Kurzemes skolotājiem un uzņēmumu darbiniekiem.",
        "tags": ["ES fondi", "Digitālās prasmes"],
        "regions": ["kurzeme"],
        "right": {PLANNING_REGION: "runs EU fund projects in Kurzeme and advises schools on funding"},
    },
    {
        "key": "dubbing",
        "industry": "audiovisual",
        "company": DRAWING,
        "kind": "need",
        "category": "other",
        "title": "Meklējam dublēšanas studiju animācijas seriālam",
        "body": "Seriālu nopirka Lietuvas un Ukrainas televīzijas, tāpēc to vajag dublēt krievu un angļu "
        "valodā: aktieru ierunāšanu un skaņu režisoru.",
        "right": {SOUND: "voice-over and dubbing in Russian and English, sound direction"},
    },
    {
        "key": "colour-grading",
        "industry": "audiovisual",
        "company": DOCUMENTARY,
        "kind": "need",
        "category": "other",
        "title": "Looking for colour grading and DCP mastering for a feature documentary",
        "body": "Our 90-minute documentary premieres at a festival in October. We need colour grading, "
        "online editing and a DCP for cinema screenings.",
        "tags": ["colour grading", "DCP"],
        "right": {POST_HOUSE: "English profile: colour grading, online editing and DCP mastering"},
    },
    {
        "key": "cheese-distributor",
        "industry": "food",
        "company": GOAT_CHEESE,
        "kind": "need",
        "category": "other",
        "title": "Meklējam izplatītāju kazas sieram Rīgas veikalos",
        "body": "Saražojam vairāk siera, nekā spējam pārdot tirgos. Meklējam, kas mūsu sierus regulāri "
        "piegādātu veikaliem un restorāniem Rīgā.",
        "tags": ["Sieri", "Veikali"],
        "right": {
            FOOD_WHOLESALE: "the distributor a producer needs: cheese to 300 shops and restaurants in Rīga"
        },
    },
    {
        "key": "welder-training",
        "industry": "metal",
        "company": SHEET_METAL,
        "kind": "need",
        "category": "training",
        "title": "Meklējam metinātāju apmācību un sertifikāciju darbiniekiem",
        "body": "Uzsākam nerūsējošā tērauda metināšanu, un sešiem darbiniekiem vajag TIG metināšanas "
        "apmācību ar sertifikātu pēc ISO 9606.",
        "tags": ["Metinātāji"],
        "right": {TECH_SCHOOL: "trains and certifies welders to ISO 9606 in its welding workshop"},
    },
    {
        "key": "powder-coating",
        "industry": "metal",
        "company": SHEET_METAL,
        "kind": "need",
        "category": "purchasing",
        "title": "Meklējam pulverkrāsošanas pakalpojumu metāla korpusu sērijai",
        "body": "Katru mēnesi 500 lokšņu metāla korpusi elektroiekārtām jānokrāso RAL 7035 tonī. Meklējam "
        "pastāvīgu partneri.",
        "right": {COATING: "powder coating in any RAL colour, parts up to 6 m"},
    },
    {
        "key": "container-freight",
        "industry": "logistics",
        "link": "synonym",
        "company": COATING,
        "kind": "need",
        "category": "export",
        "title": "Meklējam ekspeditoru konteineru kravām uz Vāciju",
        "body": "Divreiz mēnesī sūtām krāsotas konstrukcijas klientam Hamburgā. Vajag konteineru "
        "pārvadājumus un muitas dokumentus.",
        "tags": ["Jūras kravas"],
        "right": {FORWARDER: "freight forwarding of containers from Liepāja and Ventspils to Germany"},
    },
    {
        "key": "bread-courier",
        "industry": "logistics",
        "company": BAKERY,
        "kind": "need",
        "category": "other",
        "title": "Meklējam kurjeru maizes piegādei klientiem mājās",
        "body": "Tiešsaistē pasūtītu maizi katru rītu jāpiegādā klientiem Valmierā un Cēsīs.",
        "regions": ["vidzeme"],
        "right": {LOCAL_COURIER: "a courier in Vidzeme, where the bread goes; Kurjers Plus works from Rīga"},
    },
    {
        "key": "backup-hosting",
        "industry": "ict",
        "company": WEB_SHOPS,
        "kind": "need",
        "category": "other",
        "title": "Meklējam drošu hostingu ar ikdienas rezerves kopijām",
        "body": "Mūsu klientu interneta veikaliem vajag serverus Latvijā, kur dati tiek dublēti katru "
        "nakti, un kiberdrošības uzraudzību.",
        "tags": ["Hostings"],
        "right": {HOSTING: "server hosting in Latvian data centres, backups and security monitoring"},
    },
]
