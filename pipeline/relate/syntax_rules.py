"""tree_relations(document, main) -> relations read from the dependency trees: a trigger word per relation type, the
arguments by their roles around it (relate/tree.py), never by the distance between names.

Verbs state a relation between their subject, object and obliques ("X was founded in 2008", "A and B merged to
form C", "X joined Y in 2004", "Y leads X", "X is led by Y", "X publishes Y", "X is headquartered in Y").
Nouns state one between the name they are said of and the name after "of" (or in the genitive, or before them):
"Y, the leader of X", "X's newspaper Y", "the Moscow branch of X", "X is the Russian section of Y", "X is a party
in Russia". A denied or only intended event ("did not join", "declined to join") states nothing. "The party",
"it" or "партия" in an argument's place is the document's main organisation.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from ..core.records import Document, Mention, Relation
from .noun_rules import CANDIDATE, NounRules
from .places import containers
from .tree import Sentence
from .triggers import (
    ABSORB,
    ADMIT,
    ALLY,
    BELONG,
    BRANCH,
    CANDIDACY,
    CAPITAL,
    COUNTRIES,
    DISTRICT,
    ENDED,
    FOUND,
    FOUNDING_EVENT,
    FOUNDING_NOUN,
    GOVERNING_BODY,
    HEADQUARTERS,
    JOIN,
    KIND,
    LEAD_VERB,
    LEADER,
    LEADERSHIP,
    LOCATE,
    MEMBER,
    MERGE,
    MERGER,
    ORGAN,
    PARTNER,
    PUBLISH,
    REFERENCE,
    RUN_FOR,
    SEAT,
    WHOLE,
)

# The lemmas `_Reader.noun` reads relations from (any other noun states none)
_NOUN_TRIGGERS = frozenset().union(LEADER, LEADERSHIP, ORGAN, HEADQUARTERS, ("office", "офис"), BRANCH, MEMBER,
                                   CANDIDACY, CAPITAL, PARTNER, ALLY, FOUNDING_EVENT, FOUNDING_NOUN, KIND)
# The lemmas `_Reader.read` reads as a verb's (any other verb states none): a verb rule added there adds its lemmas
_VERB_TRIGGERS = frozenset().union(FOUND, MERGE, JOIN, ADMIT, ABSORB, BELONG, RUN_FOR, LEAD_VERB, PUBLISH, SEAT, ALLY,
                                   LOCATE, ("come", "sign", "sit", "put"))
_TRIGGERS = _NOUN_TRIGGERS | _VERB_TRIGGERS
_SURE = 0.85
_IMPLICIT = 0.7


def tree_relations(document: Document, trees: list[list[list]], main: Mention | None) -> Iterator[Relation]:
    """Relations stated by the trees' trigger words, with the sentence as evidence."""
    mentions = sorted(document.mentions, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    for tree in trees:
        if not tree:
            continue
        inside = mentions[bisect_left(starts, tree[0][0]):bisect_left(starts, tree[-1][1])]
        if not any(m.label == "LOC" for m in inside) and _TRIGGERS.isdisjoint(row[2] for row in tree):
            continue  # no place and no word a rule reads: the tree states nothing
        sentence = Sentence(tree, inside)
        reader = _Reader(sentence, main, [m for m in inside if m.dated
                                          and sentence.start <= m.start and m.end <= sentence.end])
        for token in sentence.tokens:
            yield from reader.read(token.i)


class _Reader(NounRules):
    def __init__(self, sentence: Sentence, main: Mention | None, dates: list[Mention]) -> None:
        self.sentence, self.main, self.dates = sentence, main, dates
        self.evidence = (sentence.start, sentence.end)

    def names(self, indexes, labels: set[str]) -> list[tuple[Mention, bool]]:
        """The mentions at these words with one of the labels, (mention, implicit): "the party" is the main
        organisation."""
        out = []
        for i in indexes:
            m = self.sentence.mention_at.get(i)
            if m is not None:
                if m.label in labels and not GOVERNING_BODY.match(m.text):
                    out.append((m, False))
            elif given := self._named_by(i):  # "в партию «Справедливая Россия»": the name the kind word is given
                out.extend(self.names(given, labels))
            elif any(a.i in self.sentence.mention_at
                     for a in self.sentence.children(i, "appos")):  # "Депутат ... Николай Харитонов"
                out.extend(self.names([a.i for a in self.sentence.children(i, "appos")], labels))
            elif "ORG" in labels and self.sentence.tokens[i].lemma in ("it", "its") and self._before(i):
                out.append((self._before(i), False))  # "X joined Y at its founding congress": its = Y
            elif "ORG" in labels and self.main is not None and self._refers(i) and self._main_or_none_before(i):
                out.append((self.main, True))
        return out

    def _before(self, i: int) -> Mention | None:
        """The organisation named last before word i in the sentence."""
        start = self.sentence.tokens[i].start
        named = [m for m in self.sentence.mention_at.values() if m.label == "ORG" and m.end <= start]
        return max(named, key=lambda m: m.start) if named else None

    def _main_or_none_before(self, i: int) -> bool:
        """Whether "the party" at word i can be the text's organisation: the subject of its clause is no other
        organisation ("The People's Alliance was founded at the party's congress": that party is the subject)."""
        verb = self.sentence.verb_above(i)
        if verb is None:
            return True
        key = self.main.entity or self.main.normal
        spans = []  # the subjects with the words before them that they hold ("The People's Alliance party")
        for j in self.by_role(verb, "subj", "patient"):
            word = self.sentence.tokens[j]
            spans.append((min([word.start] + [c.start for c in self.sentence.children(j) if c.start < word.start]),
                          word.end))
        return not any(m.label == "ORG" and (m.entity or m.normal) != key and start <= m.start and m.end <= end
                       for m in self.sentence.mention_at.values() for start, end in spans)

    def _refers(self, i: int) -> bool:
        """"the party", "it", "its", "партия", "эта организация": a bare reference, not "a party", "Pamyat
        organization" or "российская политическая партия" (a description, or another name's head word)."""
        t = self.sentence.tokens[i]
        if t.lemma not in REFERENCE:
            return False
        if t.lemma in ("it", "its"):  # "X joined Y at its founding congress": "its" is not the main one here
            return not any(m.label == "ORG" and m.start < t.start for m in self.sentence.mention_at.values())
        if t.pos.split(":")[0] != "NOUN":
            return False
        words = [c for c in self.sentence.children(i) if c.dep not in ("punct", "case", "cc")]
        if any(c.dep not in ("det", "poss") for c in words):
            return False
        dets = {c.lemma for c in words}
        russian = t.lemma[0] in "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
        parent = self.sentence.parent(i)
        compound_title = t.dep == "compound" and parent is not None and parent.lemma in LEADER
        return dets <= {"the", "its", "this", "этот", "данный"} and (russian or bool(dets) or compound_title)

    def by_role(self, i: int, *roles) -> list[int]:
        return [j for role, j in self.sentence.arguments(i) if role in roles]

    def emit(self, kind: str, heads, tails, rule: str, confidence: float = _SURE) -> Iterator[Relation]:
        for head, implicit_h in heads:
            for tail, implicit_t in tails:
                if head.id == tail.id:
                    continue
                implicit = implicit_h or implicit_t
                yield Relation(type=kind, head=head.id, tail=tail.id, evidence=self.evidence,
                               pattern=f"tree:{rule}" + (" (implicit: the document's main organisation)"
                                                         if implicit else ""),
                               confidence=min(_IMPLICIT, confidence) if implicit else confidence)

    def read(self, i: int) -> Iterator[Relation]:
        t = self.sentence.tokens[i]
        lemma, pos = t.lemma, t.pos.split(":")[0]
        verbal = pos in ("VERB", "AUX", "ADJ") or t.dep in ("root", "acl", "relcl", "amod", "advcl", "xcomp", "conj")
        if verbal and lemma in _VERB_TRIGGERS:
            if self.sentence.negated(i):
                return  # a denied word states nothing
            if lemma in FOUND:
                yield from self.founded(i)
            if lemma == "come" and any(g.lemma in ("being", "existence") for c in self.sentence.children(i, "prep")
                                       for g in self.sentence.children(c.i, "pobj")):  # "came into being in 1989"
                yield from self.emit("founded_on", self.names(self.by_role(i, "subj"), {"ORG"}),
                                     [(d, False) for d in self.sentence.dates_of(i, self.dates)], "came-into-being")
            if lemma in MERGE:
                yield from self.merged(i)
            if lemma in JOIN or lemma in ADMIT or lemma == "sign" and any(
                    c.lemma == "up" for c in self.sentence.children(i, "prt")):  # "signed up to X"
                yield from self.joined(i)
            if lemma == "sit":  # "sat in the State Duma"
                yield from self.emit("member_of", self.names(self.by_role(i, "subj"), {"PER"}),
                                     self.names(self.by_role(i, ("prep", "in")), {"ORG"}), "sat-in")
            if lemma in ABSORB:
                yield from self.emit("merged_into", self.names(self.by_role(i, "obj", "patient"), {"ORG"}),
                                     self.names(self.by_role(i, "subj", "agent", ("prep", "into")), {"ORG"}),
                                     "absorb")
            if lemma in BELONG:
                yield from self.belong(i)
            if lemma in RUN_FOR:  # "Сакко избирается от партии X": a party's candidate is its member
                yield from self.emit("member_of", self.names(self.by_role(i, "subj", "patient"), {"PER"}),
                                     self.names(self.by_role(i, ("prep", "от")), {"ORG"}), "candidate-of",
                                     CANDIDATE)
            if lemma in LEAD_VERB:
                yield from self.leads(i)
            if lemma in PUBLISH or lemma == "put" and any(c.lemma == "out" for c in self.sentence.children(i, "prt")):
                yield from self.emit("publishes", self.names(self.by_role(i, "subj", "agent"), {"ORG"}),
                                     self.names(self.by_role(i, "obj", "patient"), {"ORG"}), "publish")
            if lemma in SEAT:
                yield from self.seat(i, self.names(self.by_role(i, "subj", "patient") or self._participle_of(i),
                                                   {"ORG"}))
                # "the Yekaterinburg-based X"
                if t.dep == "amod" and i > 1 and self.sentence.tokens[i - 1].lemma == "-":
                    place = self.names([i - 2], {"LOC"})
                    yield from self.emit("headquartered_in", self.names(self._described(i), {"ORG"}), place,
                                         "based")
            if lemma in LOCATE:  # "X is a university located in Y", "X расположен в Y"
                things = self.names(self.by_role(i, "subj", "patient") or self._participle_of(i), {"ORG", "LOC"})
                places = self.names(self._seat_words(self.by_role(i, ("prep", "in"), ("prep", "в"))), {"LOC"})
                yield from self.emit("located_in", things, places, "located-in")
            if lemma in ALLY and pos in ("VERB", "ADJ"):
                yield from self.emit("affiliated_with", self.names(self.by_role(i, "subj", "patient")
                                                                   or self._described(i), {"ORG"}),
                                     self.names(self.by_role(i, ("prep", "with"), ("prep", "to"), ("prep", "с")),
                                                {"ORG"}), "affiliated")
        if pos in ("NOUN", "PROPN") and lemma in _NOUN_TRIGGERS and i not in self.sentence.mention_at:
            verb = self.sentence.parent(i)
            # "is not a member of"
            if not (self.sentence.negated(i) or verb is not None and self.sentence.negated(verb.i)):
                yield from self.noun(i, lemma)
        place = self.sentence.mention_at.get(i)
        if place is not None and place.label == "LOC" and not (verbal and self.sentence.negated(i)):
            yield from self.place_in(i, place)

    def place_in(self, i: int, place: Mention) -> Iterator[Relation]:
        yield from self.emit("located_in", [(place, False)], self.names(containers(self.sentence, i), {"LOC"}),
                             "place-in")

    def belong(self, i: int) -> Iterator[Relation]:
        """"X входит в Y", "агентство, входящее в структуру ВОЗ", "X belongs to Y"; a place: "Макао входит в
        состав Китая"."""
        t = self.sentence.tokens[i]
        members = self.by_role(i, "subj")
        parent = self.sentence.parent(i)
        if not members and t.dep in ("acl", "amod") and parent is not None:
            members = [parent.i]
        wholes = []
        for j in self.by_role(i, ("prep", "to"), ("prep", "в"), ("prep", "во")):
            part_of = self.sentence.tokens[j].lemma in WHOLE and j not in self.sentence.mention_at
            wholes += self.by_role(j, "gen", ("prep", "of")) if part_of else [j]
        yield from self.emit("member_of", self.names(members, {"ORG", "PER"}), self.names(wholes, {"ORG"}),
                             "belong")
        yield from self.emit("located_in", self.names(members, {"LOC"}), self.names(wholes, {"LOC"}), "belong")

    def _named_by(self, i: int) -> list[int]:
        """For a kind word, the names it is given or said of: "партию «Правое дело»", "the Rodina coalition",
        "«X» — партия, созданная ..."."""
        if i in self.sentence.mention_at or self.sentence.tokens[i].lemma not in KIND | ORGAN:
            return []
        given = [c.i for c in self.sentence.children(i, "appos", "flat", "compound", "flat:name", "nmod")
                 if c.i in self.sentence.mention_at and self.sentence.mention_at[c.i].label == "ORG"
                 and (c.dep != "nmod" or not self.sentence.children(c.i, "case"))]
        return given or [j for j in self.sentence.clause_subject(i) if j in self.sentence.mention_at]

    def _described(self, i: int) -> list[int]:
        return self.sentence.clause_subject(i)

    def _participle_of(self, i: int) -> list[int]:
        """What a participle is said of: the noun it describes, and when that noun is no name but a predicate
        ("X is a university located in Y", "X, a company based in Y"), the name the noun is said of."""
        described = self._described(i)
        if self.sentence.tokens[i].dep in ("acl", "amod") and described \
                and not any(j in self.sentence.mention_at for j in described):
            return [k for j in described for k in (self.sentence.clause_subject(j) or [j])]
        return described

    def founded(self, i: int) -> Iterator[Relation]:
        t = self.sentence.tokens[i]
        founded = self.by_role(i, "patient") or self.by_role(i, "obj")
        if not founded and (t.dep in ("acl", "amod") or t.lemma in ("образоваться", "основываться",
                                                                     "создаваться")):
            parent = self.sentence.parent(i)
            founded = [parent.i] if parent and t.dep in ("acl", "amod") else self.by_role(i, "subj")
        if not founded and t.lemma == "form" and not self.by_role(i, "obj"):
            founded = self.by_role(i, "subj")  # "the group formed in 2005"
        founded = [k for j in founded for k in (self._named_by(j) or [j])]
        orgs = self.names(founded, {"ORG"})
        yield from self.emit("founded_on", orgs, [(d, False) for d in self.sentence.dates_of(i, self.dates)], "found")
        for role, j in self.sentence.arguments(i):  # "formed by the merger of A and B", "путём слияния A и B"
            if self.sentence.tokens[j].lemma in MERGER and role in ("agent", ("prep", "by"), ("prep", "through"),
                                                              ("prep", "from"), "gen", "obl", ("prep", "в")):
                parts = self.names(self.by_role(j, ("prep", "of"), "gen"), {"ORG"})
                yield from self.emit("merged_into", parts, orgs, "merger-of")

    def merged(self, i: int) -> Iterator[Relation]:
        parts = self.names(self.by_role(i, "subj", "patient"), {"ORG"})
        parts += self.names(self.by_role(i, ("prep", "with"), ("prep", "с")), {"ORG"})
        result = self.names(self.by_role(i, ("prep", "into"), ("prep", "в")), {"ORG"})
        formed = []
        for c in self.sentence.children(i, "xcomp", "advcl", "conj"):
            if c.lemma in ("form", "create", "become", "образовать", "создать"):
                formed += self.names(self.by_role(c.i, "obj"), {"ORG"})
        result += formed
        dates = [(d, False) for d in self.sentence.dates_of(i, self.dates)]
        yield from self.emit("founded_on", [f for f in formed if not f[1]], dates, "merge-to-form")
        if result:
            yield from self.emit("merged_into", [p for p in parts if p[0] not in [r for r, _ in result]], result,
                                 "merge")
        else:  # "A merged with B": A went into B
            subjects = self.names(self.by_role(i, "subj", "patient"), {"ORG"})
            partners = self.names(self.by_role(i, ("prep", "with"), ("prep", "с")), {"ORG"})
            if len(subjects) == 1 and len(partners) == 1:
                yield from self.emit("merged_into", subjects, partners, "merge-with")

    def joined(self, i: int) -> Iterator[Relation]:
        t = self.sentence.tokens[i]
        if t.lemma in ADMIT:  # "was admitted to X", "было принято в X"
            members = self.names(self.by_role(i, "patient"), {"ORG", "PER"})
            targets = self.names(self.by_role(i, ("prep", "to"), ("prep", "into"), ("prep", "в")), {"ORG"})
        else:
            members = self.names(self.by_role(i, "subj"), {"ORG", "PER"})
            targets = self.names(self.by_role(i, "obj", ("prep", "to"), ("prep", "в"), ("prep", "к"),
                                              ("prep", "во")), {"ORG"})
        if any(c.lemma in ENDED for c in self.sentence.children(i, "advcl", "conj", "xcomp")):
            yield from self.emit("merged_into", [m for m in members if m[0].label == "ORG"], targets, "join-ceased")
            return  # "вошла в X, прекратив существование": it went into X
        yield from self.emit("joined", members, targets, "join")
        if targets:
            yield from self.emit("joined_on", members, [(d, False) for d in self.sentence.dates_of(i, self.dates)],
                                 "join")

    def leads(self, i: int) -> Iterator[Relation]:
        t = self.sentence.tokens[i]
        people = self.names(self.by_role(i, "subj", "agent"), {"PER"})
        orgs = self.names(self.by_role(i, "obj", "patient", "obl"), {"ORG"})
        if t.dep in ("acl", "amod") and not orgs:  # "партии, возглавляемой X", "the party led by X"
            parent = self.sentence.parent(i)
            orgs = self.names([parent.i], {"ORG"}) if parent else []
        yield from self.emit("leader_of", people, orgs, "lead")

    def seat(self, i: int, orgs) -> Iterator[Relation]:
        places = self.names(self._seat_words(self.by_role(i, ("prep", "in"), ("prep", "в"))), {"LOC"})
        cities = [p for p in places if p[0].normal.lower() not in COUNTRIES]
        countries = [p for p in places if p[0].normal.lower() in COUNTRIES]
        yield from self.emit("headquartered_in", orgs, cities, "based-in")
        yield from self.emit("located_in", orgs, countries, "based-in")

    def _seat_words(self, indexes: list[int]) -> list[int]:
        """Where a seat is said to be, a district of a city read as the city ("in the Kirovsky District of Samara",
        "в Кировском районе Самары"); a district without its city is no seat."""
        out = []
        for j in indexes:
            m = self.sentence.mention_at.get(j)
            if m is not None and m.label == "LOC" and any(w in DISTRICT for w in m.normal.lower().split()):
                out += self.by_role(j, ("prep", "of"), "gen")
            else:
                out.append(j)
        return out
