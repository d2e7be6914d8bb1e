"""The relation patterns: each template of a plain statement is read by some pattern."""

from __future__ import annotations

import pytest

from pipeline.core.errors import ConfigError
from pipeline.relate.patterns import PATTERNS, load_patterns

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


@pytest.mark.parametrize("entry, problem", [
    ("- {name: x, type: founded_on, lang: en}", "expected name, type, lang, regex"),
    ("- {name: x, type: founded, lang: en, regex: 'a'}", "unknown type or lang"),
    ("- {name: x, type: founded_on, lang: en, regex: '%ORGANISATION% was founded'}", "unknown building block"),
    ("- {name: x, type: founded_on, lang: en, regex: '(%ORG% was founded'}", "not a regular expression"),
    ("name: x", "expected a list of patterns"),
])
def test_a_bad_pattern_file_is_a_clear_error_naming_the_entry(tmp_path, entry, problem):
    path = tmp_path / "patterns.yaml"
    path.write_text(entry + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=problem):
        load_patterns(path)


def test_patterns_in_two_lines_are_one_regex_with_its_building_blocks(tmp_path):
    path = tmp_path / "patterns.yaml"
    path.write_text("- name: en:test\n  type: founded_on\n  lang: en\n  regex:\n    - '(?P<head>%ORG%) was '\n"
                    "    - 'founded in (?P<tail>%DATE%)'\n", encoding="utf-8")
    (pattern,) = load_patterns(path)
    match = pattern.regex.search("⟨ORG0⟩ was founded in ⟨DATE1⟩.")
    assert (match["head"], match["tail"]) == ("⟨ORG0⟩", "⟨DATE1⟩")
