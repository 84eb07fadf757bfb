"""Word classes the event stage reads: every frozen set of lemmas, word forms, dependency
labels and CAMEO roots that the modules of :mod:`multipolar.coding.events` look words up in.

They are data, not logic, and live in one place so each list has one definition and one
name, and so the modules that read them share it without importing each other. This module
imports nothing from the package.
"""

from __future__ import annotations

# Verbs whose complement clause carries the event.
REPORT = frozenset(
    "say tell announce report claim state declare add note insist reiterate confirm quote "
    "stress assert write testify acknowledge explain predict argue believe think suggest "
    "indicate reveal disclose emphasize emphasise tweet".split()
)
INTENT = frozenset(
    "agree promise pledge offer vow commit decide plan intend volunteer undertake consent "
    "resolve swear".split()
)
WANT = frozenset("want seek hope aim try wish attempt look strive".split())
# verbs of wishing by word form too (the lemmatizer reads "hoped" as "hop"): "hoped (that) X
# would be indicted" is a wish about others, not an act
WISH_WORD_FORMS = frozenset(
    "hope hopes hoped hoping wish wishes wished wishing expect expects expected expecting".split()
)
# intent verbs whose harmful complement is a threat, not a commitment to act
PLAN = frozenset("plan intend want hope aim seek vow swear".split())
# light verbs: the event is in the object noun ("held talks", "staged a protest")
LIGHT = frozenset(
    "hold have conduct renew launch begin start continue resume stage mount make undertake "
    "give carry open join attend issue file announce".split()
)
# nouns that name an undertaking, not its kind: "mediation mission" is a mediation
FRAME_NOUNS = frozenset(
    "mission effort operation campaign initiative bid process round programme program team".split()
)
# the rule lemmatizer's misreadings of verbs (it knows the noun "stag")
LEMMA_FIX = {"stag": "stage"}
THREAT_VERBS = frozenset("threaten warn".split())
# a warning is a threat (CAMEO 13: "coercive or forceful warnings") only when it holds out a
# reprisal; "warned that the economy was collapsing" is a statement (010)
WARN = frozenset("warn caution".split())
FIRST_PERSON = frozenset("we our us i my".split())
QUOTES = frozenset('" \u201c \u201d'.split())
REPRISAL = frozenset(
    "consequence consequences price retaliation retaliate response respond repercussion "
    "repercussions punishment punish action force".split()
)
# verbs of readying force: "prepared to attack" is a force posture (15)
PREPARE = frozenset("prepare gear".split())
# modifiers that make a show of force a joint one: "joint exercises"
JOINT = frozenset("joint combined bilateral trilateral multilateral".split())
# nouns whose "that" clause is what is demanded: "its demand that Israel ease ..."
DEMAND_NOUNS = frozenset("demand demands call appeal request ultimatum insistence".split())
# verbs that only say an event goes on: "riots continued", "fighting erupted"
OCCUR = frozenset(
    "continue erupt break spread rage escalate resume intensify begin start flare persist "
    "occur happen".split()
)
REFUSE = frozenset("refuse decline fail reject oppose resist".split())
APPEAL = frozenset(
    "urge ask call appeal press push pressure encourage invite request implore plead "
    "persuade".split()
)
DEMAND = frozenset("demand order force require compel".split())
# adjectives that behave like intent verbs: "is ready to send troops"
INTENT_ADJ = frozenset("ready willing prepared committed determined eager keen set".split())
_CONTROL = INTENT | WANT | THREAT_VERBS | REFUSE | APPEAL | DEMAND
# verbs that say nothing on their own but carry a complement: "began to", "continued to"
ASPECT = frozenset("begin start continue keep resume go move schedule set due".split())
# verbs of a body's decision whose complement is what the body does: "the Senate voted to
# authorize force" is the authorisation, not a vote against someone named in it
ENACT = frozenset("vote".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# what military strikes are aimed at when no party is named
STRIKE_TARGETS = frozenset(
    "target position base camp militant rebel insurgent fighter stronghold convoy".split()
)
# verbs of shouting: "yelled at them to leave" orders them to (CAMEO 10)
SHOUT = frozenset("shout yell scream snap bark holler".split())
# nouns that tell an event with its doer as possessor: "Abe's trip to Washington" is a visit
# by Japan; "talks" only in the plural ("Trump's talk of a deal" is speech)
NOMINAL = frozenset("visit trip meeting talks".split())
# aircraft and warships whose strikes their own military reports
AIRCRAFT = frozenset(
    "bomber warplane jet aircraft drone helicopter gunship warship destroyer".split()
)
# words that make unnamed forces someone's enemy or unknown: not the reporter's own
HOSTILE = frozenset(
    "rebel militant insurgent enemy hostile unidentified unknown opposition terrorist".split()
)
# a nominal event that has not happened yet: "Xi's planned visit", "ahead of Abe's trip"
PROSPECTIVE = frozenset("upcoming planned proposed expected scheduled possible coming".split())

PRONOUNS = frozenset("he she it they we its his her their who which that".split())
# persons: "it"/"they" often stand for an unplaced body named in the frame ("the party said
# it will boycott"), which the domestic reading fits
PERSONAL = frozenset("he she we i you".split())
# unresolved mentions that still name a party ("President Foo Bar" out of the KB's range)
UNRESOLVED_KINDS = frozenset({"leader", "role"})
RELATIVE = frozenset("who which that whom".split())
# nouns naming someone else by relation to the possessor: "America's neighbours" are not America
RELATIONAL = frozenset(
    "neighbour neighbours neighbor neighbors ally allies partner partners rival rivals enemy "
    "enemies friend friends adversary adversaries foe foes".split()
)
# subject pronouns that refer back to an actor named before
ANAPHORA = frozenset("he she it they".split())
# nouns whose modifiers name what an event is about, not who takes part: "Ukraine war summit"
TOPIC_NOUNS = frozenset(
    "war crisis conflict issue question problem dispute programme program situation file "
    "border refugee refugees election elections reconstruction".split()
)
# clauses that say what has not happened: "unless X agrees", "if Y attacks"
CONDITION_MARKS = frozenset("if unless until before once whether".split())
_NEG_WORDS = frozenset("not n't never no".split())
HYPOTHETICAL_AUX = frozenset("could would might may should".split())
FUTURE_AUX = frozenset("will shall 'll".split())
MUST_AUX = frozenset("must should".split())
REPORTED_ADV = frozenset("reportedly allegedly apparently purportedly".split())

# statements that are no event without someone addressed: "said", "commented"
BARE_STATEMENTS = frozenset({"01", "010"})
# adjectives of a stated attitude: "said it was concerned about ..." (CAMEO 012/013/018)
STANCE_ADJ = {
    "concerned": "012",
    "worried": "012",
    "alarmed": "012",
    "troubled": "012",
    "pessimistic": "012",
    "sceptical": "012",
    "skeptical": "012",
    "optimistic": "013",
    "hopeful": "013",
    "confident": "013",
    "upbeat": "013",
    "saddened": "018",
}
# what a name given by "called X a Y" says about X: a slur criticises, an honour praises
SLUR = frozenset(
    "threat hoax sham farce disgrace disaster failure lie liar fraud terrorist criminal crime "
    "outrage mistake joke witch smoking provocation aggression betrayal insult propaganda "
    "nonsense embarrassment violation illegal illegitimate unacceptable irresponsible "
    "reckless dangerous absurd ridiculous baseless motivated corrupt racist unconstitutional "
    "shameful disgraceful phony fake bogus".split()
)
HONOUR = frozenset("friend ally hero partner success victory breakthrough model".split())


# nouns of a statement whose participle clause is what the statement says or does:
# "issued a declaration demanding that X ...", "a statement saying it condemns ..."
SPEECH_NOUNS = frozenset(
    "statement declaration communique communiqué resolution letter message note".split()
)
# subjects that are no party: "an earthquake killed 30", "floods hit X"
NATURAL = frozenset(
    "earthquake quake tremor flood floods flooding storm hurricane typhoon cyclone tornado "
    "tsunami landslide mudslide avalanche drought wildfire blaze fire eruption volcano "
    "heatwave epidemic outbreak virus disease pandemic accident crash".split()
)
# a crowd that uses force is rioting (145), not fighting (19)
CROWD = frozenset("protester demonstrator rioter marcher mob crowd".split())
WEAPONS = frozenset("missile rocket shell mortar grenade bomb artillery drone".split())

SUBJ = frozenset({"nsubj", "csubj"})
NOUN_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr"})
NOUN_DEPS_OCCUR = NOUN_DEPS | {"nsubj"}
SUBJPASS = frozenset({"nsubjpass", "csubjpass"})
OBJ = frozenset({"dobj", "dative", "attr", "oprd", "obj", "iobj"})
# prepositions whose object is the other party, strongest first
PREP_RANK = {
    "against": 0,
    "with": 0,
    "to": 1,
    "on": 1,
    "toward": 1,
    "towards": 1,
    "at": 2,
    "from": 2,
    "for": 2,
    "into": 2,
    "upon": 1,
    "over": 3,
    "between": 0,
    "of": 3,
    "by": 3,
    "in": 4,
    "about": 3,
    "among": 1,
    "across": 4,
}
CLAUSE = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "acl"})
# clauses that end a verb's phrase: adverbial ones always, the others when they have a
# subject of their own
OWN_CLAUSE = frozenset({"advcl", "relcl", "parataxis"})
SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06"})
# events of the street whose unnamed doers are placed by "in X"
STREET_ROOTS = frozenset({14, 17, 18})
VIOLENCE = frozenset({18, 19, 20})

# words of a negative judgment: "said Obama had squandered a great opportunity", "said the
# trip was a disappointment" report a criticism (CAMEO 111), not a bare statement
CRITICAL = frozenset(
    "fail failure mistake disappointment disaster disastrous squander blunder lie liar "
    "reckless irresponsible dangerous destabilize destabilizing incompetent incompetence sham "
    "hoax fraud propaganda aggression meddle meddling interfere interference betray betrayal "
    "chaos chaotic illegal unlawful illegitimate outrageous shameful disgrace disgraceful "
    "hypocrisy hypocritical corrupt corruption provocation provocative undermine sabotage "
    "unacceptable misguided abuse abusive lawless cowardly incompetently".split()
)

# verb senses news prose gives PETRARCH's force verbs (see :func:`multipolar.coding.events.compose.simple`)
DISMISS = frozenset({"fire", "sack"})
# nouns of a post someone holds: "fired his national security adviser"
POST_NOUNS = frozenset(
    "adviser advisor director secretary minister chief official aide head commander general "
    "coach manager employee employees staff staffer staffers ambassador prosecutor attorney "
    "inspector spokesman spokeswoman deputy envoy administrator executive ceo".split()
)
# what "over" spans when it gives no reason: "attacked over the weekend", "over the border"
SPAN_NOUNS = frozenset(
    "weekend night week month year day period decade summer winter spring fall autumn past "
    "course holiday hour border area region territory city town village sky water sea "
    "country capital frontier line".split()
)
# where words are said: "attacked the media in a series of tweets"
MEDIUM_NOUNS = frozenset(
    "tweet tweets twitter post posts speech interview statement remarks op-ed editorial "
    "column letter television tv radio rally debate podcast video message facebook".split()
)
# the denier himself, or what is his: "denied that it / its troops ..."
OWN = frozenset("it he she they we i its his her their our my".split())

# -- the actors of a sentence (coder, parties) ---------------------------------------------
# subjects that count people rather than name a party: "thousands protested"
CROWD_COUNT_NOUNS = frozenset("people thousand hundred dozen".split())
# prepositions that set a thing in a place: "any deal in Geneva would hurt Iran"
SETTING_PREPS = frozenset("in at near inside outside across around".split())

# -- roles: places, parties and the frames of verbs (roles) --------------------------------
# prepositions that place an event rather than name a party
LOC_PREPS = frozenset("in near outside inside across throughout within around off along".split())
# nouns that stand for a place inside a named one: "the Iraqi city of Basra", "east of Gaza"
PLACE_NOUNS = frozenset(
    "city town village capital region province district area part sector suburb suburbs "
    "outskirts state county zone territory territories border borders coast east west north "
    "south centre center north-east north-west south-east south-west northeast northwest "
    "southeast southwest heart street streets camp port island islands province".split()
)
# past participles that describe a state of the subject, not something done to it
STATIVE_PASSIVE = frozenset(
    "oppose commit determine prepare engage involve dedicate resolve convince interest "
    "concern worry satisfy disappoint".split()
)
# verbs whose subject gets what the "from" party gives
RECEIVE = frozenset("receive get obtain win secure accept gain".split())
# verbs of leaving: the "from" party is the one left
LEAVE = frozenset("withdraw retreat pull evacuate leave expel flee remove".split())
# a complaint is about the "over/about/against" party, told to the "to" party
COMPLAIN = frozenset("complain protest appeal".split())
# cooperative or mutual verbs: coordinated subjects act on each other
MUTUAL = frozenset(
    "clash fight battle skirmish exchange negotiate meet talk agree cooperate trade "
    "reconcile compete quarrel dispute reach sign conclude settle normalize normalise "
    "restore resume".split()
)
# material conflict: coerce, assault, fight, mass violence
VIOLENT_ROOTS = frozenset({17, 18, 19, 20})
# the marks of a threat's condition, whose subject the threat is aimed at: "... unless Y
# withdraws" (narrower than CONDITION_MARKS, which says what has not happened)
THREAT_CONDITION_MARKS = frozenset("if unless until".split())
# kinds of mention that are places: a state or a place in it
PLACE_KINDS = frozenset({"country", "capital", "place", "metonym"})
# places stand for the state: the same as its government when the sides are compared
STATE_KINDS = frozenset({"country", "capital", "metonym"})
# nouns of a border, which names a side: "on the Thai border"
BORDER_NOUNS = frozenset("border borders frontier boundary".split())
# prefixes of a name that say what someone stands for: "anti-Syria", "pro-Russia"
STANCE_PREFIXES = frozenset({"anti", "pro"})
# verbs whose complement has not happened: "hoped X would be indicted"
WISH_VERBS = frozenset("hope wish want expect fear like prefer".split())
# group nouns beyond the actor table's that say which part of a state someone belongs to
EXTRA_PARTY_NOUNS: dict[str, str] = {
    "rebel": "REB",
    "militant": "REB",
    "insurgent": "REB",
    "guerrilla": "REB",
    "separatist": "REB",
    "soldier": "MIL",
    "troop": "MIL",
    "policeman": "COP",
    "assembly": "LEG",
    "tribunal": "JUD",
    "judge": "JUD",
    "prosecutor": "JUD",
    "dissident": "OPP",
    "activist": "OPP",
    "protester": "CVL",
    "demonstrator": "CVL",
    "civilian": "CVL",
    "villager": "CVL",
    "resident": "CVL",
    "refugee": "REF",
    "armed groups": "REB",
    "side": "GOV",
    "state": "GOV",
}
# roots for which the place of an event in the actor's own state stands for the people there
# ("imposed a curfew in X", "shelled villages in X"); for others it is only where it happened
DOMESTIC_PLACE_ROOTS = frozenset({13, 14, 15, 17, 18, 19, 20})
# clauses that only add to another: a purpose, a circumstance, a description
ADJUNCT_DEPS = frozenset({"advcl", "relcl", "acl"})
# nouns of a transfer whose recipient is only what a phrase is about: "arms sales to X"
TRANSFER_NOUNS = frozenset(
    "sale export shipment delivery transfer supply smuggling trafficking".split()
)

# -- the tree walks (tree) -----------------------------------------------------------------
# dependencies of a plain prepositional chain under a verb ("as a sham and a violation of")
CHAIN_DEPS = frozenset({"prep", "pobj", "conj", "appos"})

# -- precision: what did not happen, or happened to no party (precision) -------------------
# verbs whose complement is not done: "avoided signing", "refrained from striking"
AVOID = frozenset("avoid refrain abstain shun forgo forego evade".split())
# verbs whose complement is only permitted: "allows the Turks to carry out operations"
PERMIT = frozenset("allow permit enable let authorize authorise empower".split())
# verbs of opinion: what they hold will (not) happen is no event
OPINION = frozenset(
    "believe think expect doubt suspect feel fear guess assume reckon bet imagine predict "
    "suppose".split()
)
# temporal clauses of a habitual or hypothetical "would": "when X asked, she would ..."
WHEN_MARKS = frozenset("when whenever once".split())
# auxiliaries of a prediction: "will", "would"
PREDICTION_AUX = FUTURE_AUX | {"would"}
# a belief that X can or may do something says nothing about what X did
POSSIBILITY_AUX = frozenset("can could may might".split())
# adjectives of ability, likelihood or reluctance: "able to strike", "leery to criticize"
# leave their complement undone ("quick to condemn" is done and is not here)
ABILITY = frozenset(
    "able unable capable incapable likely unlikely leery wary reluctant hesitant loath loth "
    "afraid".split()
)
# adjectives of an inference: "it is clear (to them) that X did Y" is the writer's or the
# speaker's judgment of what X did, not a report of it
EVIDENT = frozenset("clear obvious evident apparent plain".split())
# verbs of a wish for one's own act: "wants to know", "needs to be vigilant"; the act, not the
# wish, is what CAMEO codes, and a demand needs someone else to act
SELF_WISH = frozenset("want need wish".split())
# participles that name where a report comes from: "speaking on condition of anonymity",
# "citing officials", "quoting a spokesman"
ATTRIBUTION = frozenset("speak cite quote".split())
# nouns whose participle gives their content: "a statement condemning X" reports the
# condemnation; any other noun's participle only describes it ("jihadis fighting with X").
# The speech nouns whose "saying ..." clause is the speaker's own words are among them.
DOCUMENT_NOUNS = SPEECH_NOUNS | frozenset(
    "report memo document bill law decree order motion petition appeal call proposal plan "
    "speech interview editorial article video broadcast post tweet".split()
)
# adjectives of desire: "keen to show progress" is a mood; CAMEO's intent words ("ready",
# "willing", "prepared") are not here
DESIRE = frozenset("keen eager anxious desperate impatient hungry".split())
# verbs whose subject undergoes the act: "X died" says no one used force unless a pattern
# names the cause ("died of torture")
UNDERGO = frozenset("die perish".split())
# labels that open a scenario: "Best case: ...", "Worst-case scenario: ..."
SCENARIO_NOUNS = frozenset(
    "case scenario hypothetical option possibility alternative proposal idea goal hope "
    "fear risk".split()
)
# subjects that are no party: natural events and accidents (NATURAL), wars as such, spans
# of time
NON_AGENT_NOUNS = NATURAL | frozenset(
    "conflict war fighting violence bloodshed unrest crisis year month week day decade "
    "century season weekend".split()
)
# nouns for people and groups that the role table does not hold: objects a party can be
PERSON_NOUNS = frozenset(
    "man men woman women child children boy girl person people individual suspect prisoner "
    "detainee hostage captive national citizen journalist reporter worker crew sailor "
    "fisherman tourist member official leader diplomat agent spy soldier fighter resident "
    "family families supporter opponent critic dissident activist protester demonstrator "
    "migrant refugee student priest group force forces army unit delegation".split()
)
# codes whose CAMEO reading takes a person or group as its object: detain, arrest, expel,
# abduct
PERSON_OBJECT_CODES = frozenset({"0841", "170", "173", "174", "181"})
# adverbs of a habit: "The EU always seeks consensus"
HABITUAL_ADVERBS = frozenset(
    "always usually often routinely regularly frequently typically generally traditionally "
    "customarily habitually".split()
)
# participles of a reporter's question put to the subject: "Asked about the deal, ..."
ASKED = frozenset({"ask", "question", "press"})
