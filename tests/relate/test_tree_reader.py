"""The tree rules on hand-made trees (no model): what a word's place in the tree says, and what it does not."""

from __future__ import annotations

from pipeline.relate.syntax_rules import tree_relations

from ..common import record


def test_a_denied_place_word_states_no_place_and_the_same_word_not_denied_does():
    def stated(text: str, tree: list[list]) -> set[tuple[str, str, str]]:
        doc = record(text, [("Rosario", "LOC"), ("Argentina", "LOC")])
        by_id = {m.id: m.text for m in doc.mentions}
        return {(r.type, by_id[r.head], by_id[r.tail]) for r in tree_relations(doc, [tree], None)}

    # a name the parser made the root (a verb's place in the tree), with "not" under it: denied, like a verb
    denied = [[0, 7, "rosario", "PROPN", "root", -1], [8, 11, "not", "PART", "neg", 0],
              [12, 14, "in", "ADP", "prep", 0], [15, 24, "argentina", "PROPN", "pobj", 2]]
    assert stated("Rosario not in Argentina", denied) == set()
    plain = [[0, 7, "rosario", "PROPN", "root", -1], [8, 10, "in", "ADP", "prep", 0],
             [11, 20, "argentina", "PROPN", "pobj", 1]]
    assert stated("Rosario in Argentina", plain) == {("located_in", "Rosario", "Argentina")}
