"""Which way a date's clause points: a weekday or a year-less month before the report or after it.

An English document is parsed, and the verb the date depends on decides: "said Friday" looks back, "will meet
on Thursday", "is set to reopen on Monday" and "could reach the floor as early as Thursday" look ahead. Without a
parse the sentence's finite verbs vote by their Tense feature.
"""

from __future__ import annotations

from ..core.resources import words

_FUTURE = frozenset({"will", "shall", "'ll", "wo"})
_MODALS = frozenset({"would", "could", "might", "may", "can", "should", "must", "'d"})
_PERFECT = frozenset({"have", "has", "had", "'ve"})
_PAST_BE = frozenset({"was", "were"})
_PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re"})
_PAST_TAGS = ("VBD", "VBN")
_FORWARD_VERBS = frozenset(words("date_forward_verbs_en"))  # "plan", "expect": what they govern lies ahead


def clause_tense(ent, parsed: bool, weekday: bool = False) -> int:
    """-1 when the date's clause speaks of the past, 1 of the future, 0 when it cannot tell.

    weekday: the date is a bare weekday, which a present tense points ahead ("the talks resume Monday").
    """
    if parsed:
        return _governing_tense(ent, weekday)
    future = past = present = 0
    for token in ent.sent:
        if token.lower_ in _FUTURE:
            future += 1
        elif "Fin" in token.morph.get("VerbForm") or token.tag_ in ("VBD", "VBZ", "VBP"):
            tense = token.morph.get("Tense")
            future += "Fut" in tense
            past += "Past" in tense
            present += "Pres" in tense
    if future and future >= past:
        return 1
    return -1 if past > present else 0


def _governing_tense(ent, weekday: bool) -> int:
    """The tense of the verb the date depends on, read from the English parse."""
    token, below, direct = ent.root, ent.root, True
    for _ in range(4):
        below, token = token, token.head
        if token.pos_ in ("VERB", "AUX"):
            break
        if token.head is token:
            return 0
        direct = direct and token.pos_ in ("ADP", "ADV")  # "on Monday", "as early as Monday", not "a June deal"
    else:
        return 0
    auxiliaries = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & _FUTURE:
        return 1
    if direct and "to" in auxiliaries and token.tag_ == "VB":
        return _infinitive_tense(token)
    if direct and auxiliaries & _MODALS and token.tag_ == "VB":
        return 1  # "could reach the floor as early as Thursday", "would be paid in January"
    if token.lemma_ in _FORWARD_VERBS and below.dep_ == "dobj":
        return 1  # "planned a rally on Saturday": the planned act lies ahead of the planning
    if token.tag_ == "VBD" or (token.tag_ == "VBN" and (auxiliaries & (_PERFECT | _PAST_BE) or not auxiliaries)):
        return -1
    if weekday and direct and token.pos_ == "VERB" and (token.tag_ in ("VBZ", "VBP") or auxiliaries & _PRESENT_BE) \
            and not any(t.tag_ == "VBD" for t in ent.sent):
        # a present tense with a weekday is a plan ("the court rules on Friday", "is leaving Sunday"); in a
        # sentence that narrates in the past a verb like "hurt" or "cut" is a past form
        return 1
    return 0


def _infinitive_tense(verb) -> int:
    """ "expected to join in April" looks ahead; "declined to comment on Tuesday" looks back with its verb."""
    governor = verb.head
    if governor is verb or governor.pos_ not in ("VERB", "AUX", "ADJ"):
        return 0
    if governor.lemma_ in _FORWARD_VERBS or governor.lower_ in _FORWARD_VERBS or governor.tag_ not in _PAST_TAGS:
        return 1
    return -1
