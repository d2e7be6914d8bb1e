"""The data files in models/: the gazetteer (read again when it changes, refused clearly when broken) and keys."""

import pytest

from pipeline.core.errors import ConfigError
from pipeline.core.resources import DEFAULT_GAZETTEER, gazetteer_path, infobox_keys, infobox_table, load_gazetteer
from pipeline.core.settings import Settings


def test_the_shipped_gazetteer_is_the_default_and_knows_moscow_in_both_languages():
    assert gazetteer_path(Settings()) == DEFAULT_GAZETTEER
    moscow = next(e for e in load_gazetteer(DEFAULT_GAZETTEER) if e.id == "loc:moscow")
    assert moscow.label == "LOC" and "Moscow" in moscow.names["en"] and moscow.names["ru"][0] == "Москва"


def test_names_split_on_bars_and_link_only_names_keep_their_mark(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("id\tlabel\ten\tru\norg:socialist\tORG\t~Socialist | Sotsialist\t~Социалист\n", encoding="utf-8")
    (entry,) = load_gazetteer(path)
    assert entry.names == {"en": ("~Socialist", "Sotsialist"), "ru": ("~Социалист",)}


def test_an_edited_file_is_read_again(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("loc:tula\tLOC\tTula\tТула\n", encoding="utf-8")
    assert [e.id for e in load_gazetteer(path)] == ["loc:tula"]
    path.write_text("loc:tula\tLOC\tTula\tТула\nloc:orel\tLOC\tOryol | Orel\tОрёл\n", encoding="utf-8")
    assert [e.id for e in load_gazetteer(path)] == ["loc:tula", "loc:orel"]


@pytest.mark.parametrize("line", ["loc:tula\tCITY\tTula\tТула", "loc:tula\tLOC\tTula"])
def test_a_broken_line_names_the_file_and_the_line(tmp_path, line):
    path = tmp_path / "g.tsv"
    path.write_text("# places\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"g\.tsv:2: expected 4 tab-separated fields"):
        load_gazetteer(path)


def test_a_missing_gazetteer_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read the gazetteer"):
        load_gazetteer(tmp_path / "missing.tsv")


def test_infobox_keys_are_longest_first_so_the_longer_key_wins():
    keys = infobox_keys()
    assert {"Leader", "Leaders", "Headquarters", "Affiliation"} <= set(keys)
    assert keys.index("Leaders") < keys.index("Leader")
    assert all(len(a) >= len(b) for a, b in zip(keys, keys[1:]))


def test_a_gazetteer_not_in_utf8_or_a_folder_is_a_config_error(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_bytes("loc:tula\tLOC\tTula\tТула\n".encode("cp1251"))
    with pytest.raises(ConfigError, match=r"g\.tsv: cannot read the gazetteer: not UTF-8 text \(byte 18\)"):
        load_gazetteer(path)
    with pytest.raises(ConfigError, match="cannot read the gazetteer: Is a directory"):
        load_gazetteer(tmp_path)


def test_infobox_files_not_in_utf8_are_config_errors(tmp_path):
    path = tmp_path / "keys.txt"
    path.write_bytes("Лидер\n".encode("koi8-r"))
    with pytest.raises(ConfigError, match=r"keys\.txt: cannot read the infobox keys: not UTF-8 text"):
        infobox_keys(path)
    with pytest.raises(ConfigError, match=r"keys\.txt: cannot read the infobox relations: not UTF-8 text"):
        infobox_table(path)


def test_the_trigger_lexicon_is_read_by_group_and_a_bad_line_is_named(tmp_path):
    from pipeline.core.errors import ConfigError
    from pipeline.core.resources import trigger_words

    words = trigger_words()
    assert {"основать", "found"} <= words["FOUND"] and "председатель" in words["LEADER"]
    assert all(word == word.strip() and word for group in words.values() for word in group)
    lexicon = tmp_path / "triggers.tsv"
    lexicon.write_text("# a comment\ngroup\tlang\tlemma\trelation\tnote\nFOUND\ten\tset up\tfounded_on\t\n"
                       "FOUND\tde\tgründen\tfounded_on\t\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"triggers\.tsv:4: expected group, lang \(en\|ru\), lemma"):
        trigger_words(lexicon)


def test_an_infobox_key_that_states_nothing_is_written_with_three_dashes(tmp_path):
    path = tmp_path / "relations.tsv"
    path.write_text("key\trelation\tvalue\trole\nLeader\tleader_of\tPER\thead\nOwner\t-\t-\t-\n", encoding="utf-8")
    keys = {k.key: k.relation for k in infobox_table(path)}
    assert keys == {"Leader": "leader_of", "Owner": "-"}
    bad = tmp_path / "bad-relations.tsv"  # (the table is read once per path)
    bad.write_text("Owner\t-\tPER\thead\n", encoding="utf-8")  # a dash with a label is neither kind
    with pytest.raises(ConfigError, match=r"relations\.tsv:1: expected key, relation, value label, head\|tail"):
        infobox_table(bad)


def test_name_kinds_by_language_and_a_bad_row_is_a_clear_error(tmp_path):
    from pipeline.core.resources import name_kinds

    kinds = name_kinds("en")
    assert kinds["company"] == "ORG" and kinds["city"] == "LOC" and kinds["politician"] == "PER"
    bad = tmp_path / "kinds.tsv"
    bad.write_text("lang\tlemma\tlabel\nen\tcity\tPLACE\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"kinds\.tsv:2: expected lang \(en\|ru\), lemma, label"):
        name_kinds("en", bad)


def test_the_verbs_that_point_a_date_ahead():
    from pipeline.core.resources import words

    verbs = words("date_forward_verbs_en")
    assert {"plan", "expect", "schedule"} <= set(verbs) and "say" not in verbs


def test_russian_given_names_in_latin_letters():
    from pipeline.core.resources import given_names
    from pipeline.tools.given_names import spellings

    names = given_names()
    assert {"alexei", "aleksey", "yevgeny", "evgeny", "mikhail", "dmitry"} <= names  # press and Wikipedia spellings
    assert "moscow" not in names and "party" not in names
    assert spellings("aleksey") == {"aleksey", "aleksei", "alexey", "alexei"}


def test_word_lists_keep_their_order_and_a_bad_line_is_a_clear_error(tmp_path):
    from pipeline.core.resources import WORDS, words

    stems = list(words("date_month_stems_ru"))
    assert len(stems) == 12 and stems[0] == "январ" and stems[-1] == "декабр"  # January to December
    assert words("date_numbers_ru")["несколько"] == ""  # no value: a number not stated
    (tmp_path / "bad.tsv").write_text("# a comment\none\t1\textra\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.tsv:2: expected a word, optionally a tab and its value"):
        words("bad", tmp_path)
    code = "".join(p.read_text(encoding="utf-8") for p in (WORDS.parent.parent / "pipeline").rglob("*.py"))
    unread = [p.stem for p in WORDS.glob("*.tsv") if f'words("{p.stem}")' not in code]
    assert unread == []  # every list in models/words/ is read by the code
