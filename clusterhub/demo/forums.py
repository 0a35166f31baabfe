"""The demo organiser's inter-cluster forums (content/forums.json): one half a year ago, one coming up.

Each company that goes says once (PITCHES) what it seeks in other sectors, what it offers them, which
sectors interest it and what of its profile it shows; a forum lists who went for which cluster, the 1:1
meetings they asked for and, after the event, how they rated it. The interests are sector names of the
demo companies, as the registration form offers them.
"""

from clusterhub.demo import files

_FORUMS = files.forums()

TITLE = _FORUMS["title"]
SEASONS = _FORUMS["seasons"]
CLUSTERS = _FORUMS["clusters"]
QUOTA = _FORUMS["quota"]
# Rīga wall-clock times: the day, the meeting windows (slots of SLOT_MINUTES at TABLES tables).
DAY = _FORUMS["day"]
WINDOWS = _FORUMS["windows"]
SLOT_MINUTES, TABLES = _FORUMS["slot_minutes"], _FORUMS["tables"]
REGISTRATION_DAYS = _FORUMS["registration_days"]  # registration closes this many days before, at DAY's end
WEEKDAY = _FORUMS["weekday"]  # the forum moves on to this weekday (3: Thursday)
PITCHES = _FORUMS["pitches"]
PAST = _FORUMS["past"]
UPCOMING = _FORUMS["upcoming"]
