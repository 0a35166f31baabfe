"""The rules of matchmaking in one place: how much each kind of evidence counts, and the thresholds."""

from search.analysis import stem

# Sharing an interest group earns a few points: members of one group are natural partners, but the group
# only tips the order between otherwise alike companies, far less than one matched concept (≈ 20 points).
WEIGHTS = {"words": 70, "roles": 15, "region": 10, "group": 5}
# Raised whenever the weights or the reasons change: the worker has every cluster's stored suggestions scored
# again once per version (clusterhub/worker/jobs.py), so no page shows points counted by an older rule.
SCORING_VERSION = 2
# Where the partner has a word decides how much it counts.
WHERE = {
    "competence": 1.0,
    "offer": 1.0,
    "infrastructure": 0.8,
    "sector": 0.6,
    "offer_text": 0.5,
    "description": 0.5,
}
# A need's title and tags say what is needed; its body adds context.
NEED_PARTS = {"title": 2.0, "tags": 2.0, "body": 1.0}
# A concept of the vocabulary names a competence outright: it weighs like the rarest of words.
CONCEPT = 1.0
# A need's concepts that its own company already has in its profile say what the author does, not what
# it seeks ("an online shop for our cheese", from a cheese maker): they count this much.
OWN_TRADE = 0.3
# Words alike from this many letters of their stem ("scenograf" ~ "scenografij"), from this likeness on,
# count this share of the same word; the index finds them by their stem without its last CLOSE_CUT letters.
CLOSE_FROM_LETTERS = 5
CLOSE_LIKENESS = 0.6
CLOSE_WORD = 0.7
CLOSE_CUT = 2
# A word in more than this share of the cluster's documents is common there and counts less.
COMMON_SHARE = 0.05
# Matched weight that earns all the word points: about three key words found in competences or offers.
SATURATION = 6.0
# Words every post uses; they say nothing about who fits.
GENERIC = frozenset(
    stem(word)
    for word in (
        "meklejam meklejam mekle meklet nepieciesams nepieciesama vajadzigs vajag piedavajam piedavajums"
        " partneris partneri sadarbiba sadarboties uznemums uznemumi kopigi kopigs iespeja interese"
        " klasteris jauns jauni musu projekts latvija latvijas"
        " looking seek seeking need needs offer offering partner partners cooperation company companies"
        " project new joint interested pakalpojums pakalpojumi service services risinajumi solutions"
        # Places: the region is scored on its own.
        " riga pieriga vidzeme kurzeme zemgale latgale"
    ).split()
)
# Value-chain pairs from the cluster concept (seed 001): what one makes, the other brings or enables.
COMPLEMENTS = frozenset(
    frozenset(pair)
    for pair in (
        ("producer", "distributor"),
        ("producer", "resource_holder"),
        ("producer", "intermediary"),
        ("producer", "education_research"),
        ("producer", "finance"),
        ("distributor", "intermediary"),
        ("education_research", "distributor"),
        ("education_research", "public_sector"),
    )
)
# The roles that usually answer a need of each category.
CATEGORY_ROLES = {
    "export": ("distributor", "intermediary"),
    "research": ("education_research",),
    "training": ("education_research",),
    "staff": ("education_research",),
    "equipment": ("resource_holder",),
    "purchasing": ("resource_holder", "distributor"),
    "exhibitions": ("intermediary", "distributor"),
    "automation": ("producer", "resource_holder"),
}
# Below this many content points a match is chance. On the labelled corpus (tests/matching/quality.py)
# every right partner scored 20 or more and 131 of the 183 wrong suggestions less: from 10 to 20, the
# suggestions per need fell from 4.4 to 2.0 on average and hit@1 rose from 0.90 to 0.94.
MIN_WORDS = 20
# A match this good is worth telling the need's author about (once).
STRONG = 60
# Checking every company of a bulk import against every need would hold the import up.
NOTIFY_COMPANIES_UP_TO = 25
# Candidates are looked up by the need's rarest key words; more words make the lookup slow, not better.
MAX_QUERY_TERMS = 4
# A concept's forms in both languages (and its broader and narrower concepts') find its candidates.
MAX_CONCEPT_TERMS = 60
CANDIDATE_HITS = 60
SEEKING_KINDS = ("need", "interest")


def meaningful(term: str) -> bool:
    """Whether a search term says something about who fits: not a word every post uses, not a number."""
    return term not in GENERIC and not term.isdigit()


def complementary(mine, theirs) -> tuple[str, str] | None:
    """The first pair of roles (mine, theirs) that complement each other in the value chain, if any."""
    for my_role in mine:
        for their_role in theirs:
            if frozenset((my_role, their_role)) in COMPLEMENTS:
                return my_role, their_role
    return None
