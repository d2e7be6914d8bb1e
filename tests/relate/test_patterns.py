"""The relation patterns: each template of a plain statement is read by some pattern."""

from __future__ import annotations

from pipeline.relate.patterns import PATTERNS

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


def test_every_template_is_read_by_a_pattern_of_its_language():
    for template in TEMPLATES:
        lang = "ru" if any("а" <= ch <= "я" for ch in template.lower()) else "en"
        assert any(p.regex.search(template) and p.lang in (lang, "*") for p in PATTERNS), template
