"""The words the tree rules (relate/syntax_rules.py) read relations by: trigger lemmas per relation type in
both languages and the kinds of organisation and place a word can name (data: models/relation_triggers.tsv),
and the names a rule must never take for a party to a relation (governing bodies, streets and buildings)."""

import re

from ..core.resources import trigger_words

# Trigger words (lemmas, both languages) by what they state, and the word classes the rules use: kept as data
# in models/relation_triggers.tsv (one row per lemma and group).
_WORDS = trigger_words()
FOUND = _WORDS["FOUND"]
FOUNDING_EVENT = _WORDS["FOUNDING_EVENT"]
FOUNDING_MARK = _WORDS["FOUNDING_MARK"]
FOUNDING_NOUN = _WORDS["FOUNDING_NOUN"]
MERGE = _WORDS["MERGE"]
MERGER = _WORDS["MERGER"]
ABSORB = _WORDS["ABSORB"]
ADMIT = _WORDS["ADMIT"]
BELONG = _WORDS["BELONG"]
CAPITAL = _WORDS["CAPITAL"]
JOIN = _WORDS["JOIN"]
LEAD_VERB = _WORDS["LEAD_VERB"]
LEADER = _WORDS["LEADER"]
LEADERSHIP = _WORDS["LEADERSHIP"]  # "под руководством X", "under the leadership of X"
LESSER_TITLE = _WORDS["LESSER_TITLE"]  # "deputy chairman", "финансовый директор": not the organisation's head
ORG_TITLE = _WORDS["ORG_TITLE"]  # "CEO X said": titles only an organisation's head bears, read of the text's one
ORG_TITLE_MODIFIER = _WORDS["ORG_TITLE_MODIFIER"]  # "general director", "chief executive"
BOARD = _WORDS["BOARD"]
PUBLISH = _WORDS["PUBLISH"]
ORGAN = _WORDS["ORGAN"]
SEAT = _WORDS["SEAT"]
LOCATE = _WORDS["LOCATE"]  # "a university located in Perm Krai": located_in, not a seat
HEADQUARTERS = _WORDS["HEADQUARTERS"]
BRANCH = _WORDS["BRANCH"]
MEMBER = _WORDS["MEMBER"]
ALLY = _WORDS["ALLY"]
REGION = _WORDS["REGION"]
DISTRICT = _WORDS["DISTRICT"]  # a part of a city: "the Kirovsky District of Samara" is no seat of its own
# Words for a place that a name is given ("в городе Росарио", "the city of Rosario"), whose modifiers are the
# name's ("в городе Росарио в центральной части Аргентины").
PLACE_KIND = REGION | _WORDS["PLACE_KIND"]
# A whole that a thing is in by being part of it: "входит в состав X", "в центральной части Аргентины".
WHOLE = _WORDS["WHOLE"]
RUN_FOR = _WORDS["RUN_FOR"]  # "X избирается от партии Y"
CANDIDACY = _WORDS["CANDIDACY"]
PARTNER = _WORDS["PARTNER"]
MAIN_OFFICE = _WORDS["MAIN_OFFICE"]
ENDED = _WORDS["ENDED"]
KIND = _WORDS["KIND"]
REFERENCE = _WORDS["REFERENCE"]
COUNTRIES = _WORDS["COUNTRIES"]
FORMER_UNION = _WORDS["FORMER_UNION"]  # "Estonia ... in the Soviet Union": the only country a country lies in

# Governing bodies of an organisation: "Председатель Центрального комитета" leads the party, not a body.
GOVERNING_BODY = re.compile(r"(?i)^(?:центральн\w+ (?:совет|комитет)\w*|ЦК|исполком\w*|исполнительн\w+ комитет\w*|"
                            r"политсовет\w*|президиум\w*|генеральн\w+ совет\w*|федеральн\w+ (?:совет|комитет)\w*|"
                            r"(?:the )?(?:central|executive|federal|political|coordinating) (?:council|committee)|"
                            r"(?:the )?presidium|(?:the )?politburo)$")
# Streets, squares and buildings: an address's parts, not places a relation is about.
FACILITY = re.compile(r"(?i)\b(?:улиц|площад|проспект|переул|шоссе|набережн|кладбищ|сквер|бульвар|вокзал|аэропорт|"
                       r"ул\.|пр-т|б-р|пер\.|наб\.|"
                       r"street|square|avenue|cemetery|airport|station|building|билдинг)")
