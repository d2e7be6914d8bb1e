"""The words the tree rules (relate/syntax_rules.py) read relations by: trigger lemmas per relation type in
both languages, the kinds of organisation and place a word can name, and the names a rule must never take for a
party to a relation (governing bodies, streets and buildings)."""

import re

# Trigger words (lemmas, both languages) by what they state.
FOUND = {"found", "establish", "form", "create", "launch", "organise", "organize", "refound",
         "основать", "создать", "учредить", "образовать", "организовать", "сформировать", "основываться",
         "создаваться", "образоваться", "учреждать", "создавать", "основывать", "возникнуть", "появиться"}
FOUNDING_EVENT = {"congress", "meeting", "conference", "assembly", "convention", "съезд", "собрание", "конференция"}
FOUNDING_MARK = {"founding", "constituent", "inaugural", "учредительный"}
FOUNDING_NOUN = {"foundation", "founding", "creation", "establishment", "formation", "основание", "создание",
                 "учреждение", "образование"}
MERGE = {"merge", "unite", "fuse", "amalgamate", "combine", "слиться", "объединиться", "влиться", "сливаться",
         "объединяться"}
MERGER = {"merger", "amalgamation", "fusion", "unification", "слияние", "объединение"}
ABSORB = {"absorb", "поглотить", "поглощать"}
ADMIT = {"admit", "accept", "принять", "принимать"}
BELONG = {"belong", "входить", "состоять"}
CAPITAL = {"capital", "столица"}
JOIN = {"join", "enter", "accede", "rejoin", "вступить", "присоединиться", "вступать", "присоединяться", "войти"}
LEAD_VERB = {"lead", "head", "chair", "возглавлять", "возглавить", "руководить", "возглавляться", "руководиться"}
LEADER = {"leader", "chairman", "chairwoman", "chair", "head", "president", "secretary", "co-chair", "cochair",
          "coordinator", "chief", "executive", "ceo", "director", "лидер", "председатель", "глава", "руководитель",
          "сопредседатель", "секретарь", "президент", "координатор", "вождь", "директор", "гендиректор"}
LEADERSHIP = {"leadership", "руководство"}  # "под руководством X", "under the leadership of X"
BOARD = {"board", "правление", "совет", "council", "committee", "комитет", "директоров"}
PUBLISH = {"publish", "issue", "print", "издавать", "выпускать", "издать", "выпустить"}
ORGAN = {"newspaper", "organ", "magazine", "journal", "paper", "bulletin", "newsletter", "газета", "орган",
         "журнал", "издание", "бюллетень"}
SEAT = {"headquarter", "headquartered", "base", "based", "базироваться", "располагаться", "находиться",
        "размещаться"}
HEADQUARTERS = {"headquarters", "seat", "штаб-квартира", "резиденция"}
BRANCH = {"branch", "chapter", "cell", "office", "отделение", "филиал", "ячейка", "организация", "офис",
          "представительство", "representation"}
MEMBER = {"member", "section", "affiliate", "part", "член", "секция", "участник", "часть", "депутат", "deputy"}
ALLY = {"affiliate", "affiliated", "ally", "allied", "alliance", "союзник", "союз", "блок", "коалиция",
        "аффилировать", "аффилированный", "аффилирован"}
REGION = {"штат", "провинция", "графство", "область", "край", "республика", "округ", "state", "province", "county",
          "region", "oblast"}
# Words for a place that a name is given ("в городе Росарио", "the city of Rosario"), whose modifiers are the
# name's ("в городе Росарио в центральной части Аргентины").
PLACE_KIND = REGION | {"город", "городок", "село", "деревня", "посёлок", "поселок", "столица", "остров", "река",
                       "префектура", "автономия", "city", "town", "village", "capital", "island", "river",
                       "prefecture", "suburb"}
# A whole that a thing is in by being part of it: "входит в состав X", "в центральной части Аргентины".
WHOLE = {"состав", "структура", "часть", "part"}
RUN_FOR = {"избираться", "выдвигаться", "баллотироваться"}  # "X избирается от партии Y"
CANDIDACY = {"кандидат", "кандидатура", "номинация", "candidate", "nominee", "nomination"}
PARTNER = {"ally", "partner", "союзник", "партнёр", "партнер"}
MAIN_OFFICE = {"central", "main", "head", "центральный", "головной", "главный"}
ENDED = {"прекратить", "dissolve", "самораспуститься", "cease", "ликвидировать"}
KIND = {"party", "movement", "organization", "organisation", "group", "union", "league", "front", "federation",
        "confederation", "association", "coalition", "bloc", "company", "society", "centre", "center", "city",
        "town", "village", "region", "district", "партия", "движение", "организация", "объединение", "союз",
        "фронт", "федерация", "конфедерация", "ассоциация", "коалиция", "блок", "компания", "общество", "центр",
        "профсоюз", "группа", "фонд", "город", "село", "регион", "район", "область"}
REFERENCE = {"party", "movement", "organization", "organisation", "group", "union", "league", "front",
             "federation", "confederation", "association", "coalition", "bloc", "it", "its",
             "партия", "движение", "организация", "конфедерация", "федерация"}
COUNTRIES = {"russia", "russian federation", "ussr", "soviet union", "ukraine", "belarus", "kazakhstan", "россия",
             "российская федерация", "ссср", "советский союз", "украина", "белоруссия", "беларусь", "казахстан",
             "united states", "usa", "germany", "france", "united kingdom", "britain", "poland", "georgia",
             "latvia", "lithuania", "estonia", "moldova", "armenia", "azerbaijan", "сша", "германия", "франция",
             "великобритания", "польша", "грузия", "латвия", "литва", "эстония", "молдавия", "армения"}

# Governing bodies of an organisation: "Председатель Центрального комитета" leads the party, not a body.
GOVERNING_BODY = re.compile(r"(?i)^(?:центральн\w+ (?:совет|комитет)\w*|ЦК|исполком\w*|исполнительн\w+ комитет\w*|"
                            r"политсовет\w*|президиум\w*|генеральн\w+ совет\w*|федеральн\w+ (?:совет|комитет)\w*|"
                            r"(?:the )?(?:central|executive|federal|political|coordinating) (?:council|committee)|"
                            r"(?:the )?presidium|(?:the )?politburo)$")
# Streets, squares and buildings: an address's parts, not places a relation is about.
FACILITY = re.compile(r"(?i)\b(?:улиц|площад|проспект|переул|шоссе|набережн|кладбищ|сквер|бульвар|вокзал|аэропорт|"
                       r"ул\.|пр-т|б-р|пер\.|наб\.|"
                       r"street|square|avenue|cemetery|airport|station|building|билдинг)")
