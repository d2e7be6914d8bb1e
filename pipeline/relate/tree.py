"""Sentence: one stored dependency tree (extract/syntax.py) read as roles around words, with the names on it.

The two parsers label differently (spaCy's English scheme, Universal Dependencies for Russian); this module reads
both into one small vocabulary of roles a relation rule can ask for:

- "subj", "patient" (passive subject), "obj", "agent" (the "by"/instrumental doer of a passive);
- ("prep", word): an oblique or nominal modifier with its preposition ("in", "of", "в", "с");
- "gen": a Russian genitive modifier without preposition ("лидер партии"), "poss": "the party's", "its";
- "compound": a name before a noun ("the Moscow branch", "Yabloko leader");
- "appos": an apposition, "attr": a predicate noun after "is"/"became".

A word joined by "and" takes the role of the first word of the list. Names are the document's mentions, found on
the tree by their head word.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..core.records import Mention
from ..core.resources import words

_SUBJ = {"nsubj": "subj", "nsubj:pass": "patient", "nsubjpass": "patient", "dobj": "obj", "obj": "obj",
         "iobj": "obj", "poss": "poss", "compound": "compound", "appos": "appos", "attr": "attr", "acomp": "attr",
         "oprd": "attr", "npadvmod": "time", "nummod": "time", "obl:tmod": "time", "nmod:tmod": "time"}


def head_word(tree: Sequence[Sequence], start: int, end: int, starts: Sequence[int] | None = None) -> int | None:
    """The word of the name at [start, end) that the rest of a stored tree ([start, end, lemma, pos, dep, head]
    rows) holds it by: one whose head is outside the name, a noun rather than an adjective the parser hung
    elsewhere ("Либерального интернационала"). `starts`: the rows' start offsets, if already at hand."""
    first = bisect_left(starts if starts is not None else [row[0] for row in tree], start)
    inside = []
    for i in range(first, len(tree)):  # the words from the name's first on
        if tree[i][1] > end:
            break
        inside.append(i)
    outer = [i for i in inside if tree[i][5] < 0 or tree[i][5] not in inside]
    nouns = [i for i in outer if str(tree[i][3]).split(":")[0] in ("NOUN", "PROPN", "NUM", "X")]
    return (nouns or outer or inside or [None])[0]


@dataclass
class Token:
    """One word of a tree."""

    i: int
    start: int
    end: int
    lemma: str
    pos: str
    dep: str
    head: int
    children: list[int] = field(default_factory=list)


class Sentence:
    """A tree with the mentions whose head word is on it."""

    def __init__(self, tree: list[list], mentions: list[Mention]) -> None:
        self.rows = tree
        self.tokens = [Token(i, *row) for i, row in enumerate(tree)]
        for t in self.tokens:
            if 0 <= t.head < len(self.tokens) and t.head != t.i:
                self.tokens[t.head].children.append(t.i)
        self.start, self.end = self.tokens[0].start, self.tokens[-1].end
        self.starts = [t.start for t in self.tokens]
        self.mention_at: dict[int, Mention] = {}
        for m in mentions:
            if self.start <= m.start and m.end <= self.end:
                root = self._root_of(m)
                if root is not None:
                    self.mention_at.setdefault(root, m)

    def _root_of(self, m: Mention) -> int | None:
        return head_word(self.rows, m.start, m.end, self.starts)

    def parent(self, i: int) -> Token | None:
        head = self.tokens[i].head
        return self.tokens[head] if 0 <= head < len(self.tokens) and head != i else None

    def children(self, i: int, *deps: str) -> list[Token]:
        return [self.tokens[c] for c in self.tokens[i].children if not deps or self.tokens[c].dep in deps]

    def role(self, i: int) -> tuple[int, object] | None:
        """(governor, role) of word i: what it is to the word it depends on (a list's later words take the
        first one's role)."""
        t = self.tokens[i]
        for _ in range(len(self.tokens)):  # a parser's tree may hold a cycle: never follow it for ever
            if t.dep != "conj":
                break
            parent = self.parent(t.i)
            if parent is None:
                return None
            t = parent
        else:
            return None
        parent = self.parent(t.i)
        if parent is None:
            return None
        if t.dep == "pobj" and parent.dep in ("prep", "agent", "dative"):
            above = self.parent(parent.i)
            if above is None:
                return None
            return above.i, ("agent" if parent.dep == "agent" else ("prep", parent.lemma))
        if t.dep == "obl:agent":
            return parent.i, "agent"  # "руководилось как самим Дугиным": the doer, whatever the particle
        if t.dep in ("obl", "nmod", "nmod:poss") or t.dep.startswith(("obl", "nmod")):
            case = self.children(t.i, "case")
            if case:
                return parent.i, ("prep", case[0].lemma)
            if t.dep == "obl:agent" or (t.dep.startswith("obl") and t.pos.endswith(":Ins")):
                return parent.i, "agent"
            return parent.i, "gen" if t.pos.endswith(":Gen") or t.dep.startswith("nmod") else "obl"
        if t.dep in ("nsubj", "nsubj:pass") and t.pos.endswith(":Gen"):
            return parent.i, "gen"  # a genitive is never the subject: "фронт Гарри Каспарова вошёл ..."
        if t.dep in _SUBJ:
            return parent.i, _SUBJ[t.dep]
        return parent.i, t.dep

    def conjuncts(self, i: int) -> list[int]:
        """Word i and the words joined to it by "and" or commas."""
        out, stack = set(), [i]
        while stack:
            j = stack.pop()
            if j not in out:
                out.add(j)
                stack.extend(c.i for c in self.children(j, "conj"))
        return sorted(out)

    def arguments(self, i: int) -> list[tuple[object, int]]:
        """(role, word) of every word that depends on word i, lists spread out ("A, B and C"; a list the parser
        read as appositions of names: "Rodina, the Russian Party of Pensioners and ..."). A verb joined to an
        earlier one by "and" shares its subject ("dissolved itself and merged into ...")."""
        out = []
        for c in self.tokens[i].children:
            found = self.role(c)
            if found is None:
                continue
            governor, role = found
            if governor == i:
                out.extend((role, j) for j in self.listed(c))
            if self.tokens[c].dep in ("prep", "agent", "dative"):
                for grand in self.children(c, "pobj"):
                    out.extend((self.role(grand.i)[1], j) for j in self.listed(grand.i))
        t = self.tokens[i]
        if (t.dep in ("conj", "advcl", "xcomp") or t.dep == "prep" and t.pos == "VERB") \
                and not any(r in ("subj", "patient") for r, _ in out):  # "Based in X, the union ..."
            parent = self.parent(i)
            if parent is not None and parent.pos.split(":")[0] in ("VERB", "AUX"):
                out.extend((r, j) for r, j in self.arguments(parent.i) if r in ("subj", "patient"))
        return out

    def listed(self, i: int) -> list[int]:
        """Word i with the words listed with it: its conjuncts, and names in apposition to a name."""
        out = []
        for j in self.conjuncts(i):
            out.append(j)
            if j in self.mention_at or self.tokens[j].pos.startswith("PROPN"):
                for a in self.children(j, "appos"):
                    if a.i in self.mention_at and self._same_kind(j, a.i):
                        out.extend(self.conjuncts(a.i))
        return sorted(set(out))

    def _same_kind(self, i: int, j: int) -> bool:
        """Two names in a list: the same label, and the same case where the words show it (not "фронт Гарри
        Каспарова", a front and its leader in the genitive)."""
        a, b = self.mention_at.get(i), self.mention_at[j]
        if a is not None and a.label != b.label:
            return False
        case_i, case_j = self.tokens[i].pos.partition(":")[2], self.tokens[j].pos.partition(":")[2]
        return not (case_i and case_j and case_i != case_j)

    def clause_subject(self, i: int) -> list[int]:
        """The subject a predicate noun or an adjective is said of: "X is the leader", "X, the leader", "leader
        X" (a title before a name)."""
        t = self.tokens[i]
        subjects = [c.i for c in self.children(i, "nsubj", "nsubj:pass")]  # UD: the noun is the predicate
        if subjects:
            return self.conjuncts(subjects[0])
        parent = self.parent(i)
        if parent is None:
            return []
        if t.dep == "nsubj" and parent.lemma == "be":  # "Yabloko's partner is the European Green Party"
            return [j for c in self.children(parent.i, "attr") for j in self.conjuncts(c.i)]
        if t.dep in ("attr", "acomp", "oprd", "xcomp"):
            return [j for c in self.children(parent.i, "nsubj", "nsubjpass", "nsubj:pass") for j in self.conjuncts(c.i)]
        if t.dep in ("appos", "compound", "flat", "amod", "acl"):
            return [parent.i]
        if t.dep == "pobj" and parent.lemma == "as":  # "As a member of X, Y sat in ..."
            verb = self.parent(parent.i)
            if verb is not None:
                return [j for c in self.children(verb.i, "nsubj", "nsubjpass") for j in self.conjuncts(c.i)]
        return []

    def verb_above(self, i: int) -> int | None:
        """The nearest verb that word i hangs from (i itself if it is one)."""
        seen = 0
        while i is not None and seen < 12:
            if self.tokens[i].pos.split(":")[0] in ("VERB", "AUX"):
                return i
            parent = self.parent(i)
            i = parent.i if parent else None
            seen += 1
        return None

    def dates_of(self, i: int, dates: list[Mention]) -> list[Mention]:
        """The dates stated for word i: those whose head word hangs from i's nearest verb (or a verb joined to it
        by "and"), or from i itself."""
        verb = self.verb_above(i)
        together = self.conjuncts(verb) if verb is not None else []  # "established and registered in 2012"
        out = []
        for d in dates:
            root = next((k for k, m in self.mention_at.items() if m is d), None)
            if root is None:
                continue
            above = self.verb_above(root)
            parent = self.parent(root)
            if above is not None and above in (verb, i, *together) or (parent is not None and parent.i == i):
                out.append(d)
        return out

    def negated(self, i: int) -> bool:
        """Whether word i is denied ("did not join", "не вступила") or only meant ("declined to join")."""
        if any(c.dep == "neg" or c.lemma in ("not", "never", "не", "ни") for c in self.children(i)):
            return True
        parent = self.parent(i)
        return bool(parent and self.tokens[i].dep in ("xcomp", "ccomp", "advcl") and parent.lemma in _NOT_DONE)


_NOT_DONE = frozenset(words("relation_not_done"))  # "declined to join", "планирует вступить"
