"""attribute_rules: the English model's attribute ruler (parts of speech, morphology and lemma exceptions from the
tags), its rules matched by table lookups instead of spaCy's Matcher.

en_core_web_sm's attribute ruler holds about 180 rules, nearly all of one token whose tag (and word) decide
("TAG": "VBZ" -> POS VERB and its morphology). spaCy's Matcher tries each of them on every token, which costs
about a third of the model's NER. Here a rule whose conditions are a value, {"IN"}, {"NOT_IN"} or {"REGEX"} on
TAG, LOWER, DEP or IS_SPACE is looked up by a value its first token must have, then checked token by token on
the Doc's attribute array; a rule of another kind keeps a Matcher of its own. The matches go to the ruler's own
`set_annotations` in its order (by rule, later rules over earlier ones), so the tokens get exactly what the ruler
gives them (tests/extract/test_attributes.py).
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}  # of the array the rules are matched on
_ARRAY = [TAG, LOWER, DEP, IS_SPACE]


@Language.factory("attribute_rules", requires=["token.tag", "token.dep"],
                  assigns=["token.pos", "token.morph", "token.lemma"], default_config={"ruler": "attribute_ruler"})
def attribute_rules(nlp: Language, name: str, ruler: str):
    return AttributeRules(nlp.get_pipe(ruler))


def _code(strings, attr: str, value):
    """A value as the attribute array holds it: a string's hash, a boolean as 0 or 1."""
    return int(value) if attr == "IS_SPACE" else strings.add(value)


def _test(strings, attr: str, value):
    """code -> bool for one condition of a rule (a value, {"IN"}, {"NOT_IN"} or {"REGEX"}, as spaCy's Matcher
    reads them), or None for a condition of another kind."""
    if isinstance(value, (str, bool)):
        code = _code(strings, attr, value)
        return code.__eq__
    if isinstance(value, dict) and len(value) == 1:
        (kind, given), = value.items()
        if kind == "IN":
            return frozenset(_code(strings, attr, v) for v in given).__contains__
        if kind == "NOT_IN":
            refused = frozenset(_code(strings, attr, v) for v in given)
            return lambda code: code not in refused
        if kind == "REGEX" and attr != "IS_SPACE":
            pattern = re.compile(given)
            return lambda code: pattern.search(strings[code]) is not None
    return None


def _plain_values(value) -> list | None:
    """The values a condition accepts when it names them (a value, {"IN"}), else None."""
    if isinstance(value, (str, bool)):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"}:
        return list(value["IN"])
    return None


class AttributeRules:
    """The rules of `ruler` (a spaCy AttributeRuler), matched from lookups of a value their first token must
    have; a rule with a key or an operator of another kind keeps spaCy's Matcher."""

    def __init__(self, ruler) -> None:
        self.ruler = ruler
        strings = ruler.vocab.strings
        self.lookup: dict[tuple[int, int], list] = defaultdict(list)  # (column, code) of the first token -> rules
        self.anywhere: list = []  # rules whose first token names no value (a REGEX): tried at every token
        self.rest = Matcher(ruler.vocab)
        for rule in range(len(ruler.attrs)):
            key = str(rule)
            for pattern in ruler.matcher.get(strings[key])[1] if strings[key] in ruler.matcher else ():
                tokens = [[(_COLUMNS.get(attr), _test(strings, attr, value)) for attr, value in token.items()]
                          for token in pattern]
                if any(column is None or test is None for token in tokens for column, test in token):
                    self.rest.add(key, [pattern])
                    continue
                entry = (rule, strings[key], tokens)
                first = next(((attr, values) for attr in _COLUMNS
                              if (values := _plain_values(pattern[0].get(attr))) is not None), None)
                if first is None:
                    self.anywhere.append(entry)
                else:
                    for value in first[1]:
                        self.lookup[_COLUMNS[first[0]], _code(strings, first[0], value)].append(entry)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(rule, match id, start, end) of every rule that matches, sorted as the ruler sorts them."""
        rows = [tuple(row) for row in doc.to_array(_ARRAY).tolist()]
        found = set()
        lookup, anywhere, length = self.lookup, self.anywhere, len(rows)
        for i, (tag, lower, dep, space) in enumerate(rows):
            candidates = lookup.get((0, tag), []) + lookup.get((1, lower), []) + lookup.get((2, dep), []) \
                + lookup.get((3, space), []) + anywhere
            for rule, match_id, tokens in candidates:
                end = i + len(tokens)
                if end <= length and _matches(rows, i, tokens):
                    found.add((rule, match_id, i, end))
        if len(self.rest):
            strings = doc.vocab.strings
            for match_id, start, end in self.rest(doc, allow_missing=True, as_spans=False):
                found.add((int(strings[match_id]), match_id, start, end))
        return sorted(found)

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.match(doc))
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


def _matches(rows: list[tuple], start: int, tokens: list) -> bool:
    for offset, conditions in enumerate(tokens):
        row = rows[start + offset]
        for column, test in conditions:
            if not test(row[column]):
                return False
    return True
