"""The texts a relation pattern's every match holds, read from the regex: a template without one of them is never
run through the regex, so they must be texts a match cannot do without."""

from __future__ import annotations

import re

from pipeline.relate.patterns import PATTERNS, needs_of


def test_the_texts_outside_anything_optional_are_needed_the_rarer_first():
    regex = re.compile(r"(?:The )?\bbranch(?:es)? of (?P<head>⟨ORG\d+⟩)")
    assert needs_of(regex) == (("branch",), (" of ",), ("⟨ORG",), ("⟩",))


def test_of_an_alternation_one_text_of_each_branch_and_none_when_a_branch_has_none():
    assert needs_of(re.compile(r"(?:founded|set up) in ⟨DATE")) == ((" in ⟨DATE",), ("founded", "set up"))
    assert needs_of(re.compile(r"(?:founded|\d+) in")) == ((" in",),)


def test_a_regex_that_ignores_case_needs_nothing():
    assert needs_of(re.compile(r"branch of", re.I)) == ()
    assert needs_of(re.compile(r"(?i:branch) of")) == ((" of",),)


TEMPLATES = [
    "⟨ORG0⟩ was founded on ⟨DATE1⟩ in ⟨LOC2⟩.",
    "It was created in ⟨DATE0⟩ by the merging of ⟨ORG1⟩, ⟨ORG2⟩ and ⟨ORG3⟩.",
    "⟨ORG0⟩ has branches in ⟨LOC1⟩, ⟨LOC2⟩ and ⟨LOC3⟩.",
    "The Headquarters of ⟨ORG0⟩ is located in ⟨LOC1⟩.",
    "⟨PER0⟩, the leader of the ⟨ORG1⟩, spoke.",
    "⟨LOC0⟩, ⟨LOC1⟩",
    "⟨ORG0⟩ учреждена ⟨DATE1⟩ в ⟨LOC2⟩.",
    "Учредительная конференция ⟨ORG0⟩ прошла ⟨DATE1⟩.",
    "У ⟨ORG0⟩ есть отделения в ⟨LOC1⟩ и ⟨LOC2⟩.",
    "⟨ORG0⟩ издаёт газету «⟨ORG1⟩».",
    "⟨PER0⟩, председатель ⟨ORG1⟩, заявил.",
    "⟨ORG0⟩ и ⟨ORG1⟩ объединились в ⟨ORG2⟩.",
]


def test_every_pattern_that_matches_a_template_may_match_it_and_the_needs_skip_the_others():
    matched = set()
    for pattern in PATTERNS:
        assert pattern.needs, pattern.name  # each pattern holds some fixed text
        for template in TEMPLATES:
            if pattern.regex.search(template):
                matched.add(template)
                assert pattern.may_match(template), (pattern.name, template)
    assert matched == set(TEMPLATES)  # each template is one some pattern reads
    skipped = [p.name for p in PATTERNS if not p.may_match(TEMPLATES[0])]
    assert "en:branches-in" in skipped and "en:created-on" not in skipped
