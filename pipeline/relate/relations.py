"""extract_relations(document, sentences) -> the relations a linked document states, each with its evidence."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..core.intervals import MentionIndex, Spans
from ..core.records import Document, Mention, Relation
from ..core.resources import words
from ..core.script import majority_script
from ..link.aliases import alias_pairs
from ..link.keys import name_key
from .classifier import classify_pairs
from .classifier import units as line_units
from .infobox import infobox_relations
from .patterns import PATTERNS, Pattern
from .syntax_rules import tree_relations
from .triggers import COUNTRIES, FACILITY, FORMER_UNION, GOVERNING_BODY

# What each relation type takes as head and tail (contract table).
SIGNATURE = {
    "founded_on": ({"ORG"}, {"DATE"}), "merged_into": ({"ORG"}, {"ORG"}), "joined": ({"ORG", "PER"}, {"ORG"}),
    "joined_on": ({"ORG", "PER"}, {"DATE"}), "member_of": ({"ORG", "PER"}, {"ORG"}),
    "affiliated_with": ({"ORG"}, {"ORG"}), "headquartered_in": ({"ORG"}, {"LOC"}), "has_branch_in": ({"ORG"}, {"LOC"}),
    "located_in": ({"LOC", "ORG"}, {"LOC"}),
    "leader_of": ({"PER"}, {"ORG"}), "publishes": ({"ORG"}, {"ORG"}), "alias_of": ({"ORG"}, {"ORG"}),
}
_GENERIC_BODY = GOVERNING_BODY
_KEY_LINE = re.compile(r"[ \t]*(?:[-•*–|][ \t]*)?[A-ZА-ЯЁ][\w -]{1,30}:")  # an infobox line of any key
_PLACEHOLDER = re.compile(r"⟨(?:ORG|LOC|PER|DATE)(\d+)⟩")
_MAIN_NOTE = " (implicit: the document's main organisation)"


def extract_relations(document: Document, sentences: list[tuple[int, int]]) -> list[Relation]:
    """Relations stated in the document, each with its evidence span and the pattern that found it."""
    index = MentionIndex(document.mentions)
    mentions = index.mentions
    main = _main_organisation(mentions)
    found: dict[tuple, Relation] = {}
    evidence = set()
    for rel in infobox_relations(document.text, mentions):
        found.setdefault((rel.type, rel.head, rel.tail), rel)
        evidence.add(rel.evidence)
    infobox = Spans(evidence)
    lang = document.lang if document.lang in ("en", "ru") else "en"
    first = next((m for m in mentions if m.label == "ORG"), None)
    subject = next((m for m in main if m.lang == lang), main[0] if main else None)
    if subject is not None and first is not None and (first.entity or first.normal) != (subject.entity
                                                                                          or subject.normal) \
            and not _dominant(mentions, main):
        subject = None  # "the party" refers only when the text's most named organisation is also its first, or
        # is named far more often than any other (a copied page may open with a site's or a picture's name)
    for rel in tree_relations(document, document._syntax, subject):
        if not infobox.covers(*rel.evidence):
            found.setdefault((rel.type, rel.head, rel.tail), rel)
    units = line_units(document.text, sentences, skip_citations=True)
    # the subject in the sentence's language: never a bracketed translation
    main_in = {language: [m for m in main if m.lang == language] or main for language in ("en", "ru")}
    for start, end in units:
        inside = index.within(start, end)
        if not inside or infobox.covers(start, end):
            continue  # lines the infobox reader took are not read again as sentences
        template, slots = _template(document.text, start, end, inside)
        lang = majority_script(template)
        main_here = main_in[lang]
        for pattern in PATTERNS:
            if pattern.lang not in (lang, "*"):
                continue
            if pattern.type == "located_in" and _KEY_LINE.match(document.text, document.text.rfind("\n", 0, start) + 1):
                continue  # "Successor: Right Cause, Solidarnost, Democratic Choice": a list, not an address
            for match in pattern.regex.finditer(template):
                for rel in _relations(pattern, match, slots, main_here, (start, end), inside):
                    found.setdefault((rel.type, rel.head, rel.tail), rel)
    for rel in _aliases(document.text, mentions, units):
        found.setdefault((rel.type, rel.head, rel.tail), rel)
    # the pair classifiers: Russian learnt from NEREL news (models/relation_pairs.md), English from Wikipedia
    # (Re-DocRED, models/relation_pairs_en.md); each reads only pairs of two names in its language
    paired = _paired(found)
    by_id = {m.id: m for m in mentions}
    for language in ("ru", "en"):
        if any(m.lang == language for m in mentions):
            for rel in classify_pairs(document, sentences, lang=language):
                if not _stated(paired, rel) and not _beside(document.text, rel, by_id[rel.tail]):
                    found[(rel.type, rel.head, rel.tail)] = rel
    return sorted((r for r in found.values() if _valid(r, by_id)),
                  key=lambda r: (by_id[r.head].start, r.type, by_id[r.tail].start))


# Prepositions that put a thing beside or beyond a place, not in it: "за Полярным кругом", "под Москвой", "near Oslo"
_BESIDE = re.compile(r"(?i)(?:^|\s)(?:за|близ|около|возле|вблизи|под|у|near|beyond|outside)\s+$")


def _beside(text: str, rel: Relation, tail: Mention) -> bool:
    """Whether a place relation's larger place (`tail`) is named after a preposition that puts the other beside
    it."""
    return rel.type in ("located_in", "headquartered_in") \
        and bool(_BESIDE.search(text[max(0, tail.start - 12):tail.start]))


def _paired(found: dict[tuple, Relation]) -> set[tuple[str, str]]:
    """The pairs of names the rules gave a relation, in both directions: "Наньпин located_in Фуцзянь" from the
    rules leaves the model nothing to say of "Фуцзянь" and "Наньпин"."""
    return {(r.head, r.tail) for r in found.values()} | {(r.tail, r.head) for r in found.values()}


def _stated(paired: set[tuple[str, str]], rel: Relation) -> bool:
    """Whether a rule already spoke of this pair of names, in either direction and of whatever type."""
    return (rel.head, rel.tail) in paired


def _template(text: str, start: int, end: int, inside: list[Mention]) -> tuple[str, list[Mention]]:
    parts, slots, position = [], [], start
    for m in inside:
        if m.start < position:
            continue
        parts.append(text[position:m.start])
        if m.label == "ORG" and _GENERIC_BODY.match(m.text):
            parts.append(m.text)  # a governing body is part of the wording, not a party to the relation
        else:
            parts.append(f"⟨{m.label}{len(slots)}⟩")
            slots.append(m)
        position = m.end
    parts.append(text[position:end])
    return "".join(parts), slots


def _slots(match: re.Match, names: tuple[str, ...], slots: list[Mention]) -> list[Mention] | None:
    """The mentions a role names; None when the role is implicit (no group, or the group matched nothing)."""
    for name in names:
        if name in match.re.groupindex and match.group(name):
            chunk = match.group(name)
            if name.endswith("s"):  # a list: its top-level names, not those in brackets or appositions
                chunk = re.split(r",\s*(?:у\s+)?(?:котор\w+|which|who|that|чь\w+)\b", chunk)[0]
                chunk = re.sub(r"\([^()]*\)", "", chunk)
                chunk = re.sub(r"(?:section of (?:the )?|секци\w+\s+)⟨ORG\d+⟩", "", chunk)
            return [slots[int(i)] for i in _PLACEHOLDER.findall(chunk)]
    return None


def _relations(pattern: Pattern, match: re.Match, slots: list[Mention], main, unit, inside):
    heads = _slots(match, ("heads", "head", "head2"), slots)
    tails = _slots(match, ("tails", "tail", "tail2"), slots)
    name = pattern.name
    if heads is None or tails is None:
        anchor = (heads or tails or [None])[0]
        implicit = _main_before(main, anchor.start if anchor else unit[0])
        if implicit is None:
            return
        name += _MAIN_NOTE
        heads = heads if heads is not None else [implicit]
        tails = tails if tails is not None else [implicit]
    main_entity = main[0].entity if main else None
    sure = 0.85 if name == pattern.name else 0.75  # a sentence pattern; less when the subject is implicit
    for head in heads:
        for tail in tails:
            if pattern.type == "affiliated_with" and main_entity and tail.entity == main_entity != head.entity:
                head, tail = tail, head  # an alliance is told from the side of the organisation the text is about
            yield Relation(type=pattern.type, head=head.id, tail=tail.id, evidence=unit, pattern=name,
                           confidence=sure)
        if pattern.date_also:
            dates = [m for m in inside if m.dated]
            if len(dates) == 1:
                yield Relation(type=pattern.date_also, head=head.id, tail=dates[0].id, evidence=unit,
                               pattern=name + " + date in the sentence", confidence=round(sure * 0.85, 3))


def _aliases(text: str, mentions: list[Mention], units: list[tuple[int, int]]):
    sentences = Spans(units)
    for secondary, primary, kind in alias_pairs(text, mentions):
        pair = (min(primary.start, secondary.start), max(primary.end, secondary.end))
        unit = sentences.holding(*pair) or pair
        yield Relation(type="alias_of", head=secondary.id, tail=primary.id, evidence=unit, pattern=f"alias:{kind}",
                       confidence=0.9)


def _organisations(mentions: list[Mention]) -> dict[str, list[Mention]]:
    """The ORG mentions (governing bodies aside) by organisation: entity, else name."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.label == "ORG" and not _GENERIC_BODY.match(m.text):
            groups[m.entity or name_key(m.normal)].append(m)
    return groups


def _main_organisation(mentions: list[Mention]) -> list[Mention]:
    """Mentions of the organisation the document is about: the ORG named most often (by entity, else name),
    the first named on a tie."""
    groups = _organisations(mentions)
    if not groups:
        return []
    counts = Counter({k: len(v) for k, v in groups.items()})
    best = max(counts.values())
    key = min((k for k, c in counts.items() if c == best), key=lambda k: groups[k][0].start)
    return groups[key]


def _dominant(mentions: list[Mention], main: list[Mention]) -> bool:
    """Whether the main organisation is named three times or more, and at least twice as often as any other."""
    return len(main) >= 3 and all(2 * len(group) <= len(main) for group in _organisations(mentions).values()
                                  if group[0] is not main[0])


def _main_before(main: list[Mention], position: int) -> Mention | None:
    before = [m for m in main if m.start < position]
    return before[-1] if before else (main[0] if main else None)


_PLACE_WITHIN = re.compile(r"(?i)\b(?:лес|бор|роща|озер|рек[аи]|район|посел|посёл|сел[оа]|деревн|город|станиц|"
                           r"forest|lake|river|district|village|town)")


_CONTINENTS = frozenset(words("place_continents"))


def _valid(rel: Relation, by_id: dict[str, Mention]) -> bool:
    head, tail = by_id[rel.head], by_id[rel.tail]
    heads, tails = SIGNATURE[rel.type]
    if head.label not in heads or tail.label not in tails or head.id == tail.id:
        return False
    if rel.type == "located_in" and (FACILITY.search(head.normal) or FACILITY.search(tail.normal)):
        return False  # streets, squares and buildings are addresses, not places within places
    if rel.type in ("headquartered_in", "has_branch_in") and FACILITY.search(tail.normal):
        return False  # "в Москве, на Сретенском бульваре": the city is the seat, the street its address
    if rel.type == "headquartered_in" and tail.normal.lower() in COUNTRIES:
        return False  # a seat is a city; an organisation in a country is located_in it
    if rel.type == "located_in" and head.label == "LOC" and head.normal.lower() in COUNTRIES \
            and tail.normal.lower() not in FORMER_UNION and tail.normal.lower() not in _CONTINENTS:
        return False  # a country lies in no city, region or other country ("Россия, Москва" is an address read
        # back, "Armenia, Austria, Azerbaijan" a list), only in a continent or a former union of states
    if rel.pattern == "ru:в-области" and not _PLACE_WITHIN.search(head.normal):
        return False  # "из Донецка в Москву", "посольство Японии в Лаосе": not one place inside another
    if rel.pattern == "alias:acronym" and len(head.text) < 3:
        return False
    if tail.label == "DATE" and not tail.dated:
        return False
    same = head.entity is not None and head.entity == tail.entity
    return rel.type == "alias_of" or not same
