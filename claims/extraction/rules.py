"""The extraction rules as tables: what words signal a claim, a speaker, a hedge, a denial.

Every table is matched on spaCy lemmas (lower case), so "captured", "captures" and "capturing" are
one entry. A phrase is a space-separated sequence of lemmas; "*" in a phrase matches any one token.
"""

from __future__ import annotations

# --- Claim triggers ------------------------------------------------------------------------------
# Words whose scope (the clause they head) places a claim on the places inside it. Per the
# annotation guide: captured = taken; controls = held; contested = fighting for; repelled = an
# attack pushed back; lost = a side admits losing; other = positions short of control.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "captured": (
        "capture", "seize", "overrun", "overran", "fall", "liberate", "recapture", "retake",
        "regain control", "regain full control", "regain",
        "take control", "take full control", "seize control", "gain control", "take over",
        "clear of", "win control", "raise * flag", "hoist * flag",
        "clear",  # "cleared the district of X": needs the place as its object
        "take",  # only as "was/been taken" or with a place as object: see NEEDS_PLACE_OBJECT
        # "pushed Russian forces out of X", "drove the militants from X": "..." is a gap of up
        # to four words (the side driven out)
        "push ... out of", "drive ... out of", "force ... out of", "oust ... from",
        "drive ... from", "expel ... from", "flush ... out of",
        "claim",  # "Moscow claims Stepnohirsk": a place as the very object of a claim
    ),
    "controls": (
        "control", "in control", "under * control", "hold", "remain in * hand",
        # "the town is in the army's hands", "in rebel hands", "in their hands"
        "in * hand", "in * * hand", "in * * * hand", "under * * control", "under * * * control",
        "remain in", "be back in control", "back in control",
        "continue to stand", "stand strong", "stand strongly", "stand firm", "still stand",
        "under * administration", "under * * administration",  # "still under our administration"
        "secure",  # "the town is fully secure", as a side says of its own ground
        "ours",  # "Myrnohrad is ours", "Goz Mariam is still ours"
        # "X now flies the Russian flag", "their white flag flies over the school in X"
        "fly * flag", "fly * * flag", "flag fly over",
    ),
    "contested": (
        "fighting", "fight", "clash", "battle", "assault", "offensive", "attack", "storm",
        "change hand", "upper hand", "heavy fighting", "firefight", "skirmish",
        "counteroffensive", "counter-offensive", "push",
        "contest", "contested",  # "remains contested", "the still contested town of X"
        "gunfire", "exchange of fire", "exchange fire",  # "gunfire could be heard in X"
        "ambush",  # "ambushed a convoy on the X pass"
        "grey zone", "gray zone",  # "X is grey zone": held by neither side
        "mop up",  # "assault groups were mopping up the western outskirts of X" (a state's word)
    ),
    "repelled": (
        "push back", "push * back", "repel", "repulse", "beat back", "fight off", "thwart", "foil",
        "drive back", "force * to retreat", "force * back",
        "stop",  # "an attempt to push into X was stopped" (needs the place, via the attempt)
        # "pushed the resistance fighters back from X": the side driven back in the gap
        "push ... back", "drive ... back", "beat ... back",
        "defeat",  # "they were defeated in Mota": the attackers were beaten off there
    ),
    "lost": (
        "lose", "withdraw from", "retreat from", "pull out of", "pull back from", "evacuate",
        "fall back",
        "reposition", "tactical withdrawal",  # "had repositioned outside X": a withdrawal
        "loss",  # "called the loss of X temporary"
        # "handing the town back to the military": the side handing over lost it
        "hand * back", "hand ... back to", "hand over", "hand * over", "cede",
    ),
    "other": (
        "enter", "reach", "advance", "advancing", "progress", "push into", "push further into",
        "move into", "surround", "encircle", "besiege", "approach", "close in", "present",
        "deploy", "station", "break through", "slow", "encircled", "advance toward",
        "abandon",  # "equipment abandoned in X": the guide's example of a position short of control
        "patrol",  # "fighters were patrolling the market in X": present in it
        "arrive",  # "reinforcements had arrived in X"
        # "troops operating in the south of X", "assault groups moving through the streets of X"
        "operate", "move through",
        # "units were within five kilometres of X", "at the gates of X", "at X's gates"
        "within * kilometre of", "within * km of", "within * mile of", "at the gate of",
        "at * gate",
        # "set up new positions on the heights above X", "established a base in X"
        "set up * position", "set up * * position", "set up * base", "establish * position",
        "establish * base", "establish * * base",
    ),
    "casualties": (
        "kill", "wound", "injure", "dead", "die", "casualty", "surrender", "take prisoner",
        "capture alive", "death", "death toll", "wounded", "injured", "killed",
        "take ... prisoner",  # "taking 40 soldiers prisoner"
        # "arrested five men in Shutul": people captured, which the guide counts
        "arrest", "detain",
    ),
}

# Modifiers that take the fighting out of a trigger: "celebratory gunfire", "warning shots".
NOT_FIGHTING_MODIFIERS = frozenset({"celebratory", "ceremonial", "warning", "mock"})

# Verbs that in the simple present tell a habit, not an event: "the OLA operates mainly in the
# west" is background, where "troops were operating in X" is a position.
HABIT_VERBS = frozenset({"operate"})

# Past forms the small model leaves unlemmatised when it mistags them (headlines especially:
# "Resistance front says it retook Paryan"): read as the verb they are.
IRREGULAR_PAST = {"retook": "retake", "took": "take", "overran": "overrun", "fell": "fall",
                  "held": "hold", "lost": "lose", "fought": "fight", "drove": "drive",
                  "withdrew": "withdraw", "broke": "break", "won": "win", "beat": "beat",
                  "forced": "force", "seized": "seize", "captured": "capture",
                  "recaptured": "recapture", "retaken": "retake", "overrun": "overrun"}

# The longest gap "..." in a trigger phrase may span (tokens).
GAP_WORDS = 4

# Subjects whose presence in a place is a position short of control (the guide's "present in"):
# "his fighters were still in X", "troops are inside the town". Read off the verb "be".
PRESENCE_SUBJECTS = frozenset({"fighter", "fighters", "troop", "troops", "force", "forces",
                               "soldier", "soldiers", "unit", "units", "militant", "militants",
                               "men", "rebels", "rebel", "army", "militia", "militiamen"})
PRESENCE_PREPS = frozenset({"in", "inside", "within"})

# Words that call a report false ("Reports that X has fallen are false"): the claim inside the
# report is denied by whoever says so.
FALSE_WORDS = frozenset({"false", "untrue", "lie", "lies", "fake", "baseless", "unfounded",
                         "fabricated", "fabrication", "fabrications", "propaganda", "nonsense",
                         "groundless", "incorrect", "wrong", "fantasy", "fiction",
                         "invention", "recycled"})

# Triggers that mean a claim only when a place hangs on them in the parse (object, passive
# subject or prepositional complement): "pushed into X" is a position, "pushed for talks" is not.
NEEDS_PLACE_OBJECT = frozenset({"take", "hold", "clear", "present", "deploy", "station", "push",
                                "storm", "attack", "lose", "evacuate", "abandon", "approach",
                                "slow", "regain", "patrol", "secure", "arrive", "hand", "cede",
                                "claim", "ours", "stop",
                                "ambush",
                                "be"})  # "be": the presence frame, "fighters were in X"
# Of those, the ones whose place must be the very object or passive subject: "took the town",
# "the town was taken", "held the bridge" -- not "took part in training in X", "held out".
STRICT_OBJECT = frozenset({"take", "hold", "lose", "evacuate", "clear"})
# Triggers whose place must be their direct object and nothing else: "Moscow claims X", not
# "claims a village near X" or "claimed on Telegram".
DIRECT_OBJECT_ONLY = frozenset({"claim"})
# Objects through which a strict trigger still reaches a place: "held positions in the village",
# "held the villages around Banu".
HELD_OBJECTS = frozenset({"position", "positions", "line", "lines", "ground", "territory",
                          "village", "villages", "town", "towns", "area", "areas", "city",
                          "defence", "defences", "defense", "defenses"})

# "abandoned vehicles in X" or "withdrew from X": the subject of these gave ground, so it is not
# the controller.
LOSER_SUBJECT = frozenset({"abandon", "withdraw from", "retreat from", "pull out of",
                           "pull back from", "evacuate", "fall back", "lose", "slow"})

# Verbs whose subject is the place itself when a control trigger heads them: "X was retaken",
# "X fell to the rebels", "X came under the control of", "X is now in the hands of", "X remains
# under army control". A proper name as their subject is a place the gazetteer may lack.
SUBJECT_PLACE_VERBS = frozenset({"fall", "be", "come", "remain", "stay",
                                 "fly"})  # "X now flies the Russian flag"

# Prepositions of a destination: "retreated from X toward Y", "withdrew to Y" -- the ground given
# up is X; Y is only where the losing side went.
DESTINATION_PREPS = frozenset({"toward", "towards", "to"})

# Objects that turn "captured" into a casualty claim: people taken, not ground.
# Subjects whose arriving or reaching is no military position: "tens of thousands reach X",
# "families were still arriving in X", "many have arrived in X", "a mobile health team is
# operating in X".
CIVILIAN_SUBJECTS = frozenset({"civilian", "civilians", "family", "families", "resident",
                               "residents", "people", "refugee", "refugees", "thousands", "tens",
                               "hundreds", "displaced", "children", "women", "pilgrims",
                               "journalists", "reporters", "aid", "convoy", "delegation",
                               "many", "team", "teams", "staff", "volunteers", "workers",
                               "partners", "agencies", "survivors", "patients", "arrivals"})

# How a reporter reaches a source: "reached by phone, a commander said" is no side reaching a
# place.
CONTACT_MEANS = frozenset({"phone", "telephone", "satellite", "text", "email", "e-mail",
                           "message", "messaging", "whatsapp", "signal", "telegram", "video"})

PEOPLE_NOUNS = frozenset(["soldier", "soldiers", "fighter", "fighters", "troop", "troops",
                          "people", "civilian", "civilians", "prisoner", "prisoners", "militant",
                          "militants", "member", "members", "serviceman", "servicemen", "officer",
                          "officers", "man", "men", "woman", "women", "child", "children",
                          "personnel", "mercenary", "mercenaries"])

# Words before a trigger that turn it into an aim or a condition, not a claim ("to control",
# "will clear", "plans to take"): the guide does not annotate aims.
MODAL_LEMMAS = frozenset({"will", "would", "can", "could", "may", "might", "shall", "should",
                          "must", "to"})

# Time phrases that put a clause before the reporting window: the guide leaves out background
# ("seized the town in January", "has held much of the state since November", "in 2021"). A month
# is background only when it is not the month of publication (checked in claims.py).
BACKGROUND_MONTH = (
    r"\b(?:in|since|by|until|during|from) (?:early |late |mid-?)?(?P<month>{months})\b"
    r"(?! \d{{1,2}}\b)"  # not a day ("in March 12"), but a year may follow ("in March 2025")
)
BACKGROUND_TIMES = (
    r"\b(?:in|since|by) (?:early |late |mid-?)?(?:19|20)\d\d\b",
    r"\blast (?:year|month|summer|winter|spring|autumn)\b",
    r"\b(?:months|years) ago\b",
    r"\bfor (?:months|years)\b",
    r"\bsince (?:the )?(?:start|beginning|outbreak) of\b",
    # "which X captured the same summer"
    r"\bthe same (?:year|summer|winter|spring|autumn|month)\b",
    r"\bthe following (?:year|month|spring|summer|autumn|winter)\b",  # "retaken the following year"
    r"\b(?:weeks|months|years) later\b", r"\bever since\b",
    # "in the first weeks of that uprising": a past event named in an earlier sentence
    r"\b(?:of|during|in|after|since|by) that (?:uprising|offensive|war|campaign|year|summer|"
    r"winter|spring|autumn|month|period|era|invasion|rebellion|insurgency)\b",
    r"\blast (?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b",  # "fell to the AA last December"
    r"\bearlier this year\b",  # "since the army drove the RSF out of the capital earlier this year"
    r"\bsince then\b", r"\bbefore that\b",  # "Since then, the group has carried out raids in X"
    r"\b(?:in|during|by|since) (?:the )?(?:19|20)\d\d\b",  # "during the 2023 counteroffensive"
)
# A year written in a clause ("in August 2021", "the 2022 deal") puts it in the background when it
# is before the year of publication (checked in claims.py).
BACKGROUND_YEAR = r"\b(?P<year>(?:19|20)\d\d)\b"
# Words that tie a clause's time to the clause it hangs on: "in 2021, when fighters seized X",
# "seized X before Taliban reinforcements retook it" (both background).
TIME_LINKS = frozenset({"when", "before", "after", "until", "till"})

# --- Attribution ---------------------------------------------------------------------------------
# Verbs of saying and reporting: the subject of one is the claimant of what it governs.
SPEECH_VERBS = frozenset(["say", "tell", "add", "claim", "report", "announce", "state", "insist",
                          "tweet", "write", "post", "confirm", "deny", "acknowledge", "admit",
                          "suggest", "allege", "assert", "declare", "note", "explain", "maintain",
                          "argue", "stress", "warn", "accuse", "reiterate", "indicate", "show",
                          "quote", "cite", "inform", "describe", "dismiss", "reject", "refute",
                          "brief", "spread", "circulate", "emerge", "boast", "affirm", "repeat",
                          "dispute", "speak", "call",
                          "assess"])  # "the institute assessed that Russian forces control X"

# Verbs that report only when their subject is a source ("footage showed", "tweets suggested",
# "rumours spread"), not when it is anything else ("the fight shows that ...").
WEAK_SPEECH_VERBS = frozenset({"show", "indicate", "suggest", "emerge", "spread", "circulate"})

# Verbs of saying by which a side owns up to a loss: "the junta retook X, a PDF commander
# acknowledged" is the PDF's admission that it lost X.
ADMISSION_VERBS = frozenset({"acknowledge", "admit", "concede"})

# Verbs of saying that are denials when their object is a claim or the clause they govern.
DENIAL_VERBS = frozenset({"deny", "refute", "dismiss", "reject", "dispute"})
# Objects that make a denial point back at an earlier claim ("denied the claim").
DENIED_OBJECTS = frozenset({"claim", "claims", "report", "reports", "allegation", "allegations",
                            "announcement", "announcements",
                            "this", "it", "that", "them", "statement", "assertion", "rumour",
                            "rumor", "rumours", "rumors", "account", "accounts", "figure",
                            "figures", "toll", "version", "assertions", "accusation",
                            "accusations"})

# Nouns of sources that speak without a person: "Taliban tweets suggested", "rumours spread".
SOURCE_NOUNS = frozenset({"tweet", "tweets", "rumor", "rumors", "rumour", "rumours", "report",
                          "reports", "statement", "post", "footage", "video", "videos", "image",
                          "images", "source", "sources", "message", "witness", "witnesses",
                          "resident", "residents", "official", "officials"})

# Nouns of a medium or monitor named beside them: "the monitoring channel Oko Skhodu", "the
# pro-Russian channel Dvizhenie Z". The name is the source, not the side its adjective names.
MEDIA_NOUNS = frozenset({"channel", "channels", "blog", "outlet", "website", "newspaper",
                         "broadcaster", "monitor", "account", "tracker", "aggregator",
                         "daily", "weekly", "paper", "agency", "station"})

# Verbs by which a person leads a side's men: "X says he leads 3,000 Fano fighters", "X, who
# commands an RSF brigade": the person is of that side.
LEAD_VERBS = frozenset({"lead", "command", "head"})

# How a report gives a name a source chose to give: "a Fano commander who gave his name only as
# X", "a fighter identified only as X", "a commander who goes by X". The role before the phrase
# is the named person's, and a clause made of it names the source rather than someone else.
NAMING_PHRASE = (r"(?:who\s+)?(?:gave\s+(?:his|her|their)\s+(?:first\s+)?name\s+(?:only\s+)?as|"
                 r"(?:was\s+)?identified\s+(?:only\s+)?(?:as|by\s+(?:his|her)\s+(?:first\s+)?"
                 r"name,?)|goes\s+by(?:\s+the\s+name)?)")

# Head nouns of organisations the small model sometimes takes for people: "the Um Ruwaba
# Emergency Response Room said" is a volunteer network, not a man named Room.
ORGANISATION_HEADS = frozenset({"room", "committee", "committees", "network", "council",
                                "office", "centre", "center", "group", "union", "association",
                                "ministry", "agency", "service", "observatory", "coalition",
                                "federation", "foundation", "institute", "hospital"})

# Offices of the state: a source holding one ("regional governor X", "federal officials", "the zone
# administration", "the state government") with no side named speaks for the state of the
# country the article's places are in (data/actors.toml `country`). A spokesman or commander
# whose side the article never names is read the same way: in the sets we measured, the side
# left unnamed was the state's ("spokesman Vadym Oliinyk told ...").
STATE_OFFICE_WORDS = frozenset({"governor", "governors", "mayor", "administration", "authorities",
                                "official", "officials", "government", "ministry", "governorate",
                                "prosecutor", "police", "spokesman", "spokeswoman", "spokesperson",
                                "commander", "general", "colonel"})
# ... unless the phrase says the office is not the state's.
NOT_STATE_WORDS = frozenset({"rebel", "rebels", "opposition", "exiled", "former", "shadow",
                             "resistance", "parallel", "unity",
                             # officials of a town or a service speak for themselves
                             "local", "health", "hospital", "medical", "aid", "humanitarian",
                             "rescue", "camp", "un", "energy"})

# Sources that are the outlet's own staff: "our correspondent", "the Observer's reporter".
OUTLET_STAFF = frozenset({"reporter", "reporters", "correspondent", "correspondents",
                          "journalist", "journalists", "team"})

# Words of a role held by a named person ("Taliban spokesman Bilal Karimi").
ROLE_WORDS = frozenset(["spokesman", "spokeswoman", "spokesperson", "spokespeople", "commander",
                        "leader", "head", "chief", "minister", "president", "governor",
                        "official", "officer", "general", "colonel", "major", "captain",
                        "lieutenant", "adviser", "advisor", "advisers", "deputy", "secretary",
                        "envoy", "ambassador", "mayor", "director", "representative", "member",
                        "founder", "analyst", "source", "sources", "researcher", "correspondent",
                        "journalist", "reporter", "activist", "resident", "witness", "doctor",
                        "prime", "vice-president", "vice", "former", "acting"])

# Institutions named without their country once the article has named it: "the general staff"
# after "Ukraine's general staff", "the army" after "the Sudanese army". Each resolves to the
# actor, mentioned most recently, that has an alias ending in it.
INSTITUTIONS = ("general staff", "defence ministry", "defense ministry", "ministry of defence",
                "ministry of defense", "ministry", "army", "military", "government", "junta",
                "regime", "armed forces", "high command", "command", "authorities",
                "paramilitary", "administration", "security forces", "presidency")

# Noun phrases that refer back to the armed group named last ("The RSF gave a different account.
# The group said ..."; "a spokesperson for the group"), unlike "it"/"they", which refer back to
# the last speaker. Regex alternatives, matched after "the".
GROUP_ANAPHORS = ("group", "rebel group", "armed group", "paramilitary group", "militant group",
                  "movement", "rebels", "militia", "alliance", "insurgents")

# Verbs whose subject is fighting and whose prepositions say where: "fighting continued near X",
# "clashes raged in X", "battles broke out in X" (the model often tags "fighting" as a verb).
FIGHT_GOES_ON_VERBS = frozenset({"continue", "rage", "erupt", "break", "intensify", "resume",
                                 "flare", "spread", "escalate", "persist", "go", "take"})

# Verbs after which "to X" is an ongoing fact, not an aim: "continued to hold".
ASPECTUAL_VERBS = frozenset({"continue", "keep", "manage", "remain", "begin", "start", "appear"})

# Pronouns that refer back to the last named speaker, or to the last speaking actor.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})  # "he said", "according to him"
ACTOR_PRONOUNS = frozenset({"it", "they", "we"})
# Heads of a definite phrase that names the last speaking actor's source again, whatever words
# describe it: "the source said", "the security source added", "..., the bulletin said".
NAMED_AGAIN = frozenset({"source", "statement", "organisation", "organization", "bulletin",
                         "communique", "communiqu\u00e9", "summary"})

# Subjects that name both sides at once.
BOTH_SIDES = ("both sides", "both parties", "the two sides", "each side", "both camps",
              "the warring parties", "the warring sides")

# Generic words for "the other side" in a pair ("Taliban and militia tweets"): resolved to the
# article's main opponent of the actor named with them.
GENERIC_SIDES = frozenset({"militia", "militias", "rebels", "rebel", "opposition",
                           "insurgents", "fighters", "opposition forces"})

# --- Hedges --------------------------------------------------------------------------------------
# Phrases that qualify a claim's reliability; matched as regexes on the sentence text.
HEDGES = (
    r"could ?n[o']t (?:be )?(?:immediately |independently )*"
    r"(?:be )?(?:verif(?:y|ied)|confirm(?:ed)?)",
    r"(?:can ?not|can't|cannot|was unable to|were unable to|is unable to|unable to) "
    r"(?:immediately |independently )*(?:verify|confirm)",
    r"(?:has|have) not been (?:independently )?(?:verified|confirmed)",
    r"not (?:be )?independently (?:verified|confirmed)",
    r"not immediately possible to (?:verify|confirm|get)[^.;]*",
    r"no independent (?:confirmation|verification)",
    r"neither (?:side )?could (?:produce|provide|offer|show) [^.;]*(?:evidence|proof)[^.;]*",
    r"without (?:providing|offering|giving) (?:any )?(?:evidence|proof)",
    r"\breportedly\b", r"\bunconfirmed\b", r"\ballegedly\b", r"\bunverified\b",
    r"there was no (?:immediate )?(?:confirmation|comment) from",
)
# A hedge in its own sentence qualifies the previous claims only if it points back at them.
HEDGE_BACK_REFERENCE = (
    r"\b(?:the|these|those|this|that|such|its|their|both) (?:\w+ )?"
    r"(?:claims?|reports?|accounts?|figures?|assertions?|statements?)\b"
    r"|\b(?:this|it|they|them|either claim)\b"
)

# Verbs whose object or passive subject, when a name, is a place the model may have taken for
# a person ("reached Kemise", "Kyaukphyu was retaken", "Fano now holds Aringo").
PLACE_TAKING_VERBS = frozenset({
    "reach", "enter", "capture", "seize", "overrun", "take", "surround", "encircle", "liberate",
    "recapture", "retake", "storm", "besiege", "hold", "clear", "claim",
})
# Of those, the ones whose object is a place whatever type the model guesses for an unknown
# name, an organisation included ("junta claims Momauk", "troops had captured Vyimka").
PLACE_ONLY_VERBS = frozenset({"claim", "capture", "seize", "overrun", "recapture", "retake",
                              "liberate", "clear", "hold"})

# Modifiers that say whose a facility is, not which one: "the last junta outpost in X" puts the
# claim on X, where "the police headquarters in X" is a place of its own.
SIDE_MODIFIERS = frozenset({"junta", "army", "military", "regime", "rebel", "enemy",
                            "government", "militia", "last"})

# Platforms a side posts on, never places: "wrote on Telegram", "fight on Facebook".
PLATFORMS = frozenset({"Facebook", "Telegram", "X", "Twitter", "YouTube", "TikTok", "WhatsApp",
                       "Instagram", "Signal", "VKontakte"})

# --- Places --------------------------------------------------------------------------------------
# Head nouns of place phrases not found in the gazetteer, and the place kind each implies.
PLACE_HEADS = {
    "village": "village", "town": "city", "city": "city", "district": "district",
    "province": "province", "region": "region", "oblast": "province", "state": "province",
    "area": "other", "valley": "region", "pass": "pass", "heights": "other", "hill": "other",
    "airport": "other", "airbase": "other", "base": "other", "bridge": "other", "dam": "other",
    "checkpoint": "other", "compound": "other", "centre": "other", "center": "other",
    "capital": "city", "outskirts": "other", "suburb": "other", "neighbourhood": "other",
    "neighborhood": "other", "settlement": "village", "port": "city", "headquarters": "other",
    "garrison": "other", "frontline": "other", "highway": "other", "crossing": "other",
    "camp": "other", "square": "other", "palace": "other", "refinery": "other",
    "hospital": "other", "stronghold": "other", "gorge": "other", "market": "other",
    "outpost": "other", "barracks": "other", "station": "other", "junction": "other",
    "strongpoint": "other", "plant": "other", "factory": "other", "mine": "other",
    "zone": "region", "township": "district",
}
# Nouns of settlements and the districts around them, for counts of unnamed ones ("two
# villages in X") and names introduced as one ("the villages of A and B").
SETTLEMENT_NOUNS = frozenset({"village", "town", "city", "settlement", "hamlet", "township",
                              "locality", "district"})
# "X of Y" phrases whose Y is the place itself ("the town of Qarabel").
PLACE_OF_WORDS = ("villages", "village", "towns", "town", "cities", "city", "districts", "district",
                  "provinces", "province", "regions", "region", "settlements", "settlement",
                  "heights", "outskirts", "suburbs", "port", "area")

# Words before a place that make it a landmark in a description, not the place of a claim:
# "north of Kabul", "on the border between Kapisa and Panjshir".
LANDMARK_CUES = (
    # "north of Kabul" locates; "the north of the town" is part of the town (no article before)
    r"(?<!the )(?<!\bthe )\b(?:north|south|east|west|northeast|northwest|southeast|southwest)"
    r"(?:ern)? of",
    r"(?:km|kms|kilometres|kilometers|miles) (?:\w+ )?(?:of|from)",
    r"border (?:between|with)",
    r"(?:the )?capital of",  # "Laukkai, the capital of the Kokang region"
    r"(?:across|opposite) (?:the )?[\w ]{0,20}? from",  # "across the Nile from Khartoum"
    r"(?:flights?|road|trip|journey) (?:from|to)",
)

# Parts of a place that, said of another place, locate it: "Abu Shouk camp, on the edge of X",
# "the Daraja Oula neighbourhood in the east of X" are in X; the claim is not on X.
PART_WORDS = frozenset({"edge", "edges", "outskirts", "fringe", "fringes", "east", "west", "north",
                        "south", "centre", "center", "heart", "part", "side", "end", "corner"})

# Facilities that, unnamed ("a Taliban base in X", "an outpost in X"), only say what in a place was
# hit or taken: the claim is on X. Named or definite ("the compound in X") they are the place.
FACILITY_HEADS = frozenset({"base", "checkpoint", "outpost", "compound", "camp", "headquarters",
                            "garrison", "barracks", "station"})
# Facilities that are a claim's place of their own when a control verb takes them: "overran the
# headquarters of Battalion 542", "the airport is now under our control" (claims._held_facilities).
HELD_FACILITIES = FACILITY_HEADS | frozenset({"airport", "airbase", "airfield", "bridge", "dam",
                                              "building", "campus", "palace", "refinery",
                                              "hospital", "prison", "university"})

# Prepositions that locate a thing in or by a place. A named place after one of them, hung on
# another place ("the villages of A and B in Kharkiv region", "a town in Mandalay region"), only
# says where that place is: the claim is on the place located, not on the one around it.
LOCATOR_PREPS = frozenset({"in", "near", "around", "outside", "inside", "at", "within"})
# Words between "In" and a place that opens a sentence to set its scene: "In neighbouring
# Sagaing region, ...", "In the north-eastern Kachin state, ..." (claims.sets_the_scene).
SCENE_WORDS = frozenset({"the", "neighbouring", "neighboring", "nearby", "northern", "southern",
                         "eastern", "western", "central", "north", "south", "east", "west",
                         "north-eastern", "north-western", "south-eastern", "south-western",
                         "northeastern", "northwestern", "southeastern", "southwestern", "'s",
                         "restive", "embattled", "war-torn", "besieged"})
# Of those, the ones that put a thing beside a place rather than in it: "outposts around X" or
# "a checkpoint outside X" are not X, whatever was done to them.
OUTSIDE_PREPS = frozenset({"near", "around", "outside"})

# Dependents that make a clause of their own when they have a subject: a trigger in the main
# clause does not reach the places of "as the alliance presses the army in B".
CLAUSE_DEPS = frozenset({"conj", "advcl"})

# Prepositions that give a noun trigger its own argument ("the capture of X", "an offensive on X",
# "the fight for X"): such a noun claims that place, not the rest of the clause around it.
NOMINAL_ARGUMENT_PREPS = frozenset({"of", "on", "against", "for"})

# Attempts whose goal is the place of a repelled claim: "pushed back a junta attempt to retake X",
# "foiled a bid to enter X", "tried to storm X but were pushed back" (lemmas).
ATTEMPT_WORDS = frozenset({"attempt", "try", "bid", "effort", "push", "attack", "assault",
                           "offensive", "drive", "seek"})

# Prepositions that put a trigger's claim on the place after them.
LOCATIVE_PREPS = frozenset({"in", "at", "into", "toward", "towards", "on", "near", "around",
                            "outside", "inside", "for", "of", "to", "from", "across", "over",
                            "through", "within"})
# Of those, the ones after which a capitalised name on a claim word is a place whatever type the
# model guesses ("attacks near Novoserhiivka", "a push toward Nawnghkio", "fighting around X");
# after the others ("support from X", "a call to X") an ORG is an organisation
NAME_IS_PLACE_PREPS = frozenset({"on", "around", "in", "at", "near", "toward", "towards",
                                 "outside", "into"})
