"""NounRules: what the trigger nouns of the tree rules state (the noun half of relate/syntax_rules.py's reader).

A noun states a relation between the name it is said of (apposition, "X is the ...", "X, the ...", a title before
a name) and the name after "of" or in the genitive: "Y, the leader of X", "председатель совета директоров X Y",
"X's newspaper Y", "the Moscow branch of X", "X is the Russian section of Y", "X is a party in Russia", "X is
Russia's largest bank", "кандидат от партии X".
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.records import Relation
from .triggers import (
    ALLY,
    BOARD,
    BRANCH,
    CANDIDACY,
    CAPITAL,
    COUNTRIES,
    FOUNDING_EVENT,
    FOUNDING_MARK,
    FOUNDING_NOUN,
    HEADQUARTERS,
    KIND,
    LEADER,
    LEADERSHIP,
    LESSER_TITLE,
    MAIN_OFFICE,
    MEMBER,
    ORG_TITLE,
    ORG_TITLE_MODIFIER,
    ORGAN,
    PARTNER,
)

CANDIDATE = 0.65  # a party's candidate is nearly always its member, but not always


class NounRules:
    """Mixed into the tree reader, whose `s` (the sentence), `dates`, `names`, `by_role`, `emit` and `seat` these
    methods use."""

    def noun(self, i: int, lemma: str) -> Iterator[Relation]:
        owners = self.by_role(i, ("prep", "of"), "gen", "poss")
        said_of = self.sentence.clause_subject(i)
        said_of += [j for role, j in self.sentence.arguments(i) if role in ("appos", "compound")
                    and self.sentence.tokens[j].i in self.sentence.mention_at]
        if lemma in LEADER:
            if any(c.lemma in LESSER_TITLE for c in self.sentence.children(i, "amod", "compound")):
                return  # "deputy chairman", "финансовый директор": another's title
            owned = owners + self.by_role(i, "compound")
            boards = [j for j in owned if j not in self.sentence.mention_at and self.sentence.tokens[j].lemma in BOARD]
            for j in boards:  # "Председатель правления «Газпрома»": the board's organisation
                below = self.by_role(j, ("prep", "of"), "gen")
                owned += below
                # "совета директоров «Уралкалия»", "the board of directors of X": the board's own word between
                owned += [k for b in below if b not in self.sentence.mention_at and b not in boards
                          and self.sentence.tokens[b].lemma in BOARD | {"director", "директор", "trustee", "governor"}
                          for k in self.by_role(b, ("prep", "of"), "gen")]
            holders = self.names(said_of, {"PER"})
            # "Председатель X, члены правления Y и Z": the names after another title are that title's
            others = [c.start for c in self.sentence.children(i, "conj") if c.i not in self.sentence.mention_at
                      and c.pos.startswith("NOUN") and c.start > self.sentence.tokens[i].start]
            if others:
                holders = [h for h in holders if h[0].start < min(others)]
            orgs = self.names(owned, {"ORG"})
            if not orgs and self._company_title(i) and self._only_main_named():
                orgs = [(self.main, True)]  # "CEO Stanislav Bliznyuk said ...": the text's company
            yield from self.emit("leader_of", holders, orgs, "leader-of")
        elif lemma in LEADERSHIP:  # "Под руководством Бориса Грызлова «Единая Россия» получила ..."
            verb = self.sentence.parent(i)
            if verb is not None and verb.pos.startswith("VERB"):
                yield from self.emit("leader_of", self.names(owners, {"PER"}),
                                     self.names(self.by_role(verb.i, "subj"), {"ORG"}), "under-leadership")
        elif lemma in ORGAN:
            yield from self.emit("publishes", self.names(owners, {"ORG"}),
                                 [n for n in self.names(said_of, {"ORG"}) if not n[1]], "organ-of")
        elif lemma in HEADQUARTERS or lemma in ("office", "офис") and any(
                c.lemma in MAIN_OFFICE for c in self.sentence.children(i, "amod", "compound")):
            verb = self.sentence.parent(i)
            orgs = self.names(owners, {"ORG"})
            if not orgs and verb is not None \
                    and any(c.lemma in ("с", "with") for c in self.sentence.children(i, "case")):
                orgs = self.names([verb.i], {"ORG"})  # "конфедерация со штаб-квартирой в Новосибирске"
            if verb is not None and self.sentence.tokens[i].dep in ("nsubj", "nsubj:pass"):
                yield from self.seat(verb.i, orgs)
            if verb is not None and self.sentence.tokens[i].dep in ("obj", "dobj") and verb.lemma in ("have", "иметь"):
                yield from self.seat(verb.i, orgs or self.names(self.by_role(verb.i, "subj"), {"ORG"}))
            # "the headquarters of X in Moscow", "the Moscow headquarters of X"
            yield from self.emit("headquartered_in", orgs, self.names(self.by_role(i, ("prep", "in"), ("prep", "в"),
                                                                                   "compound"), {"LOC"}), "hq")
        elif lemma in BRANCH:
            places = self.by_role(i, "compound", "amod", ("prep", "in"), ("prep", "across"), ("prep", "throughout"),
                                  ("prep", "в"))
            verb = self.sentence.parent(i)
            if not owners and verb is not None and self.sentence.tokens[i].dep in ("obj", "dobj") \
                    and verb.lemma in ("open", "have", "establish", "открыть", "иметь", "создать", "открывать"):
                owners = self.by_role(verb.i, "subj")  # "Gazprom opened a representative office in Beijing"
                places += self.by_role(verb.i, ("prep", "in"), ("prep", "в"))
            yield from self.emit("has_branch_in", self.names(owners, {"ORG"}), self.names(places, {"LOC"}),
                                 "branch-of")
        elif lemma in MEMBER:
            kinds = {"ORG", "PER"} if lemma in ("member", "член", "участник", "депутат", "deputy") else {"ORG"}
            members = self.names(said_of, kinds)
            groups = self.names(self.by_role(i, ("prep", "of"), "gen"), {"ORG"})
            verb = self.sentence.parent(i)
            if verb is not None and verb.lemma in ("include", "включать") and self.sentence.tokens[i].dep == "nsubj":
                members = self.names(self.by_role(verb.i, "obj"), {"PER", "ORG"})  # "party members include X, Y"
                groups = groups or self.names(self.by_role(i, "compound", "poss"), {"ORG"})
            if verb is not None and verb.lemma in ("become", "стать", "становиться"):  # "became a member of"
                yield from self.emit("joined", members, groups, "became-member")
                if groups:
                    yield from self.emit("joined_on", members,
                                         [(d, False) for d in self.sentence.dates_of(verb.i, self.dates)],
                                         "became-member")
            else:
                yield from self.emit("member_of", members, groups, "member-of")
        elif lemma in CANDIDACY:
            yield from self.candidacy(i)
        elif lemma in CAPITAL:
            yield from self.emit("located_in", self.names(said_of, {"LOC"}),
                                 self.names(self.by_role(i, ("prep", "of"), "gen"), {"LOC"}), "capital-of")
        elif lemma in PARTNER and owners:  # "X является союзником Y", "партнёром «Яблока» является X"
            yield from self.emit("affiliated_with", self.names(said_of, {"ORG"}), self.names(owners, {"ORG"}),
                                 "ally-of")
        elif lemma in ALLY:  # "X forged an alliance with Y", "X в союзе с Y", "campaigned in alliance with Y"
            verb = self.sentence.parent(i)
            if verb is not None and verb.dep == "prep":
                verb = self.sentence.parent(verb.i)
            allies = self.names(self.by_role(i, ("prep", "with"), ("prep", "с")), {"ORG"})
            if verb is not None and self.sentence.tokens[i].dep in ("obj", "dobj", "obl", "pobj"):
                subjects = self.by_role(verb.i, "subj")
                yield from self.emit("affiliated_with", self.names(subjects, {"ORG"}), allies, "alliance-with")
        elif lemma in FOUNDING_EVENT and any(c.lemma in FOUNDING_MARK for c in self.sentence.children(i)):
            orgs = self.names(owners, {"ORG"})
            yield from self.emit("founded_on", orgs, [(d, False) for d in self.sentence.dates_of(i, self.dates)],
                                 "founding-congress")
        elif lemma in FOUNDING_NOUN:
            yield from self.emit("founded_on", self.names(owners, {"ORG"}),
                                 [(d, False) for d in self.sentence.dates_of(i, self.dates)], "foundation-of")
        elif lemma in KIND:
            where = self.by_role(i, ("prep", "in"), ("prep", "в"))
            for acting in self.sentence.children(i, "acl", "amod"):  # "движение, действующее в Российской Федерации"
                if acting.lemma in ("действовать", "действующий", "operate", "active", "работать"):
                    where += self.by_role(acting.i, ("prep", "in"), ("prep", "в"))
            places = self.names(where, {"LOC"})
            # a country's: "Russia's leading diamond company", "третья по выручке компания России"
            places += [p for p in self.names(self.by_role(i, "poss", "gen"), {"LOC"})
                       if p[0].normal.lower() in COUNTRIES]
            if not said_of:  # "X is one of the oldest clubs in Russia", "X – один из крупнейших вузов России"
                said_of = self._one_of(i)
            yield from self.emit("located_in", [n for n in self.names(said_of, {"ORG", "LOC"}) if not n[1]],
                                 places, "kind-in")

    def _company_title(self, i: int) -> bool:
        """A title only an organisation's head bears, never a state's: "CEO", "rector", "гендиректор", "general
        director", "chief executive", "генеральный директор" (ORG_TITLE and ORG_TITLE_MODIFIER)."""
        t = self.sentence.tokens[i]
        return t.lemma in ORG_TITLE or any(c.lemma in ORG_TITLE_MODIFIER
                                           for c in self.sentence.children(i, "amod", "compound"))

    def _only_main_named(self) -> bool:
        """Whether the sentence names no organisation but the text's own (or none)."""
        if self.main is None:
            return False
        key = self.main.entity or self.main.normal
        return all(m.label != "ORG" or (m.entity or m.normal) == key for m in self.sentence.mention_at.values())

    def _one_of(self, i: int) -> list[int]:
        """What "one of the N" / "один из N" is said of, for the noun N."""
        above = self.sentence.parent(i)
        if above is not None and above.lemma in ("of", "из"):
            above = self.sentence.parent(above.i)
        if above is not None and above.lemma in ("one", "один", "одна", "одно"):
            return self.sentence.clause_subject(above.i)
        return []

    def candidacy(self, i: int) -> Iterator[Relation]:
        """A party's candidate is its member: "кандидат от партии X", "X's candidate Y", "the nominee of X";
        "Y боролась за номинацию от партии X" (the candidate is the subject of the verb above)."""
        parties = self.names(self.by_role(i, ("prep", "от"), ("prep", "of"), ("prep", "from"), "poss"), {"ORG"})
        if not parties:
            return
        people = self.names(self.sentence.clause_subject(i), {"PER"})
        word, steps = self.sentence.parent(i), 0
        while not people and word is not None and steps < 3:
            if word.pos.split(":")[0] in ("VERB", "AUX"):
                people = self.names(self.by_role(word.i, "subj"), {"PER"})
                break
            word, steps = self.sentence.parent(word.i), steps + 1
        yield from self.emit("member_of", people, parties, "candidate-of", CANDIDATE)
