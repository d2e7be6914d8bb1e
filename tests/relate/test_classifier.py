"""The pair classifier: the shipped weights on hand-made sentences, what it may never emit, and a tiny training run."""

from __future__ import annotations

import json

import pytest

from pipeline.core.errors import ConfigError
from pipeline.core.records import Document, Mention, Meta
from pipeline.relate.classifier import (
    DEFAULT_WEIGHTS,
    PATTERN,
    PairClassifier,
    classify_pairs,
    is_abbreviation,
)

from ..common import DATA, cli, record


@pytest.fixture(scope="module")
def shipped() -> PairClassifier:
    return PairClassifier.load(DEFAULT_WEIGHTS)


def _found(doc: Document, classifier: PairClassifier) -> set[tuple[str, str, str]]:
    """(type, head text, tail text) of what the model emits, the sentence being the whole text."""
    text = {m.id: m.text for m in doc.mentions}
    return {(r.type, text[r.head], text[r.tail]) for r in classify_pairs(doc, [(0, len(doc.text))], classifier)}


@pytest.mark.parametrize("text, names, expected", [
    ("Министерство иностранных дел (МИД) России заявило протест послу.",
     [("Министерство иностранных дел", "ORG"), ("МИД", "ORG"), ("России", "LOC")],
     {("alias_of", "МИД", "Министерство иностранных дел")}),
    ("Фонд поддержки малых городов (ФПМГ) выделил деньги на ремонт школ.",
     [("Фонд поддержки малых городов", "ORG"), ("ФПМГ", "ORG")],
     {("alias_of", "ФПМГ", "Фонд поддержки малых городов")}),
    ("Новый мост откроют в городе Сакраменто, штат Калифорния, весной.",
     [("Сакраменто", "LOC"), ("Калифорния", "LOC")],
     {("located_in", "Сакраменто", "Калифорния")}),
    ("Турнир прошёл в Перми и Екатеринбурге.", [("Перми", "LOC"), ("Екатеринбурге", "LOC")], set()),
    ("Газета «Вечерний курьер» сообщила, что в Томске и Омске прошли митинги.",
     [("Вечерний курьер", "ORG"), ("Томске", "LOC"), ("Омске", "LOC")], set()),
    ("Представители ООН и НАТО обсудили перемирие.", [("ООН", "ORG"), ("НАТО", "ORG")], set()),
    ("The Russian Socialist Movement (RSM) held its congress.",
     [("Russian Socialist Movement", "ORG"), ("RSM", "ORG")], {("alias_of", "RSM", "Russian Socialist Movement")}),
])
def test_the_shipped_model_on_clear_sentences(shipped, text, names, expected):
    lang = "en" if text.isascii() else "ru"
    assert _found(record(text, names, lang=lang), shipped) == expected


@pytest.mark.xfail(strict=False, reason="a known miss: NEREL's train split states headquarters in words a handful "
                                        "of times, and headquartered_in needs p >= 0.85 (p is 0.44 here)")
def test_headquarters_stated_in_words(shipped):
    doc = record("Штаб-квартира компании «Газпром» находится в Москве.", [("Газпром", "ORG"), ("Москве", "LOC")],
                 lang="ru")
    assert _found(doc, shipped) == {("headquartered_in", "Газпром", "Москве")}


def test_what_is_emitted_names_a_sentence_the_pattern_and_a_probability(shipped):
    text = "Погода была тёплой. Союз журналистов Карелии (СЖК) провёл конкурс."
    doc = record(text, [("Союз журналистов Карелии", "ORG"), ("СЖК", "ORG")], lang="ru")
    relations = classify_pairs(doc, [(0, 19), (20, len(text))], shipped)
    assert [(r.type, r.head, r.tail, r.evidence, r.pattern) for r in relations] == [
        ("alias_of", "m2", "m1", (20, len(text)), PATTERN)]
    assert 0.0 <= relations[0].confidence <= 1.0


def test_names_in_different_sentences_are_never_paired(shipped):
    text = "Министерство иностранных дел заявило протест.\nМИД России ждёт ответа."
    doc = record(text, [("Министерство иностранных дел", "ORG"), ("МИД", "ORG")], lang="ru")
    assert classify_pairs(doc, [(0, len(text))], shipped) == []  # a line break ends a unit too


def test_never_a_self_relation_nested_or_shared_spans_or_persons():
    text = "Сотрудники мэрии Москвы (ММ) и Иван Петров (ИП) встретились в Москве."
    spans = [("мэрии Москвы", "ORG", 11), ("Москвы", "LOC", 17), ("мэрии Москвы", "LOC", 11), ("ММ", "ORG", 25),
             ("Иван Петров", "PER", 31), ("ИП", "PER", 44), ("Москве", "LOC", 62)]
    mentions = [Mention(id=f"m{i}", start=start, end=start + len(name), text=name, label=label, lang="ru",
                        normal=name, source="natasha") for i, (name, label, start) in enumerate(spans, 1)]
    doc = Document(id="d", path="d", sha256="", lang="ru", meta=Meta(), text=text, mentions=mentions, relations=[])
    says_yes = PairClassifier(["none", "alias_of", "located_in", "headquartered_in"], [0.0, 5.0, 5.0, 5.0], {},
                              {"alias_of": 0.0, "located_in": 0.0, "headquartered_in": 0.0}, floor=0.0)
    by_id = {m.id: m for m in mentions}
    relations = classify_pairs(doc, [(0, len(text))], says_yes)
    assert relations  # a model that says yes to everything says it to every pair it may be asked about
    for r in relations:
        head, tail = by_id[r.head], by_id[r.tail]
        assert head.end <= tail.start or tail.end <= head.start, (head.text, tail.text)
        assert "PER" not in (head.label, tail.label)


def test_a_pair_gets_one_direction_only():
    text = "Она родилась в Наньпине провинции Фуцзянь."
    doc = record(text, [("Наньпине", "LOC"), ("Фуцзянь", "LOC")], lang="ru")
    both_ways = PairClassifier(["none", "located_in"], [0.0, 5.0], {}, {"located_in": 0.0}, floor=0.0)
    relations = classify_pairs(doc, [(0, len(text))], both_ways)
    assert [r.type for r in relations] == ["located_in"]  # not each place inside the other


@pytest.mark.parametrize("short, long, expected", [
    ("МГУ", "Московский государственный университет", True),
    ("ФБК", "Фонд борьбы с коррупцией", True),
    ("Минобрнауки", "Министерство образования и науки", True),
    ("RSM", "Russian Socialist Movement", True),
    ("НАТО", "Организация Объединённых Наций", False),
    ("МИД", "Министерство внутренних дел", False),
])
def test_is_abbreviation(short, long, expected):
    assert is_abbreviation(short, long) is expected


def test_weights_of_another_feature_set_or_no_file_are_refused(tmp_path):
    with pytest.raises(ConfigError, match="feature set"):
        PairClassifier(["none"], [0.0], {}, {}, features=0)
    with pytest.raises(ConfigError, match="cannot read"):
        PairClassifier.load(tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text("{}")
    with pytest.raises(ConfigError, match="not a relation weights file"):
        PairClassifier.load(tmp_path / "bad.json")


def train_command(options: list[str]) -> int:
    """`pipeline train relations OPTIONS` as a user runs it; its exit status."""
    return cli("train", "relations", *options).returncode


def test_a_tiny_training_run_writes_weights_that_load(tmp_path):
    pytest.importorskip("sklearn")
    from pipeline.tools.train_relations import gold_sample

    gold = DATA / "relation_pairs_mini.jsonl"
    out = tmp_path / "pairs.json"
    assert train_command(["--train", str(gold), "--dev", str(gold), "--out", str(out), "--folds", "0",
                          "--max-iter", "5", "--min-count", "1"]) == 0
    classifier = PairClassifier.load(out)
    assert set(classifier.thresholds) == {"alias_of", "founded_on", "headquartered_in", "located_in", "member_of"}
    assert json.loads(out.read_text(encoding="utf-8"))["meta"]["train_documents"] == 3
    doc = json.loads(gold.read_text(encoding="utf-8").splitlines()[0])
    sample = gold_sample(doc)
    assert ("headquartered_in", (119, 138, "ORG"), (126, 138, "LOC")) not in sample.gold  # a nested name: left out
    probabilities = classifier.probabilities(["pair=ORG>LOC:ht", "w=наход"])
    assert all(0.0 <= p <= 1.0 for p in probabilities.values())
    assert abs(sum(probabilities.values()) - 1.0) < 1e-9
    text = "Компания «Северный ветер» находится в Архангельске."
    relations = classify_pairs(record(text, [("Северный ветер", "ORG"), ("Архангельске", "LOC")], lang="ru"),
                               [(0, len(text))], classifier)
    assert all(0.0 <= r.confidence <= 1.0 for r in relations)


def test_with_a_language_only_pairs_of_that_language_are_scored(shipped):
    text = "Министерство иностранных дел (МИД) России и Ministry of Foreign Affairs (MFA) of Russia обменялись нотами."
    names = [("Министерство иностранных дел", "ORG"), ("МИД", "ORG"), ("Ministry of Foreign Affairs", "ORG"),
             ("MFA", "ORG")]
    doc = record(text, names, lang="ru")
    for mention in doc.mentions[2:]:
        mention.lang = "en"
    every = classify_pairs(doc, [(0, len(text))], PairClassifier(
        ["none", "alias_of"], [0.0, 5.0], {}, {"alias_of": 0.0}, floor=0.0))
    russian = classify_pairs(doc, [(0, len(text))], PairClassifier(
        ["none", "alias_of"], [0.0, 5.0], {}, {"alias_of": 0.0}, floor=0.0), lang="ru")
    by_id = {m.id: m for m in doc.mentions}
    assert any(by_id[r.head].lang == "en" for r in every)  # without it, the English pairs are scored as well
    assert [(by_id[r.head].text, by_id[r.tail].text) for r in russian] == [("МИД", "Министерство иностранных дел")]


def test_pair_features_are_the_same_list_in_every_process_whatever_its_hash_seed():
    import subprocess
    import sys

    from pipeline.relate.classifier import candidate_features

    text = "Союз журналистов Карелии и союз и союз вошли в Федерацию журналистов."
    doc = record(text, [("Союз журналистов Карелии", "ORG"), ("Федерацию журналистов", "ORG")], lang="ru")
    features = [f for *_, f in candidate_features(text, doc.mentions, [(0, len(text))])]
    words = [f for f in features[0] if f.startswith("w=")]
    assert words == ["w=и", "w=союз", "w=вошли", "w=в"]  # each word once, in the order of the text
    code = ("import json, sys; from pipeline.relate.classifier import candidate_features; "
            "from tests.common import record; "
            f"t = {text!r}; d = record(t, [('Союз журналистов Карелии', 'ORG'), ('Федерацию журналистов', 'ORG')], "
            "lang='ru'); print(json.dumps([f for *_, f in candidate_features(t, d.mentions, [(0, len(t))])]))")
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={"PYTHONHASHSEED": seed, "PATH": ""}, cwd=DATA.parent.parent)
        assert json.loads(out.stdout) == features


@pytest.mark.parametrize("name, country", [
    ("России", True), ("Россией", True), ("Казахстаном", True), ("Украине", True),  # a Russian name in any case
    ("Соединённых Штатов Америки", True), ("Южной Корее", True),
    ("the United States", True), ("Burkina Faso", True), ("Côte d'Ivoire", True),
    ("Moscow", False), ("Francesca", False),  # an English name is matched as written, not by its beginning
    ("Сан-Франциско", False), ("Россошь", False), ("Indiana", False),  # a state, not a country
])
def test_a_country_is_known_by_its_name_in_any_case(name, country):
    from pipeline.relate.classifier import is_country

    assert is_country(name) is country


def _tree(text: str, rows: list[tuple[str, str, str, str, int]]) -> list[list]:
    """A hand-made dependency tree: (word, lemma, pos, dep, head) per word, offsets found in the text in order."""
    out, position = [], 0
    for word, lemma, pos, dep, head in rows:
        start = text.index(word, position)
        position = start + len(word)
        out.append([start, position, lemma, pos, dep, head])
    return out


def test_the_path_between_two_names_is_read_off_their_tree():
    from pipeline.relate.classifier import candidate_features

    text = "The Green Union was founded in Tallinn."
    tree = _tree(text, [("The", "the", "DET", "det", 2), ("Green", "green", "PROPN", "compound", 2),
                        ("Union", "union", "PROPN", "nsubjpass", 4), ("was", "be", "AUX", "auxpass", 4),
                        ("founded", "found", "VERB", "ROOT", -1), ("in", "in", "ADP", "prep", 4),
                        ("Tallinn", "tallinn", "PROPN", "pobj", 5), (".", ".", "PUNCT", "punct", 4)])
    doc = record(text, [("Green Union", "ORG"), ("Tallinn", "LOC")], lang="en")
    [(_, _, _, with_tree)] = list(candidate_features(text, doc.mentions, [(0, len(text))], trees=[tree]))
    [(_, _, _, without)] = list(candidate_features(text, doc.mentions, [(0, len(text))]))
    path = [f for f in with_tree if f not in without]
    # up from "Union" to "founded", down through "in" to "Tallinn"; the verb is in the FOUND trigger group
    assert "dp=nsubjpass^ vpobj vprep" not in path
    assert "dp=nsubjpass^ vprep vpobj" in path
    assert {"dw=found", "dw=in", "dg=FOUND", "top=found", "ORG>LOC:ht|dg=FOUND"} <= set(path)
    assert without == with_tree[:len(without)]  # the path only adds features
    other = _tree(text, [(w, w.lower(), "X", "dep", -1) for w in ("The", "Green", "Union", "was", "founded", "in",
                                                                   "Tallinn", ".")])
    [(_, _, _, unjoined)] = list(candidate_features(text, doc.mentions, [(0, len(text))], trees=[other]))
    assert "path=none" in unjoined  # no word above both names: no path


def test_held_out_documents_are_only_reported_and_choose_no_threshold(tmp_path):
    pytest.importorskip("sklearn")
    main = train_command
    gold = DATA / "relation_pairs_mini.jsonl"
    lines = gold.read_text(encoding="utf-8").splitlines()
    (tmp_path / "other.jsonl").write_text(lines[0] + "\n", encoding="utf-8")
    options = ["--folds", "0", "--max-iter", "50", "--min-count", "1"]
    assert main(["--train", str(gold), "--hold-out", "1", "--out", str(tmp_path / "a.json")] + options) == 0
    assert main(["--train", str(gold), "--hold-out", "1", "--dev", str(tmp_path / "other.jsonl"),
                 "--out", str(tmp_path / "b.json")] + options) == 0
    a, b = (json.loads((tmp_path / name).read_text(encoding="utf-8")) for name in ("a.json", "b.json"))
    assert (a["meta"]["train_documents"], a["meta"]["dev_documents"], b["meta"]["dev_documents"]) == (2, 1, 2)
    assert a["thresholds"] == b["thresholds"] and a["weights"] == b["weights"]  # another dev set changes nothing
    assert main(["--train", str(gold), "--hold-out", "3", "--out", str(tmp_path / "c.json")] + options) == 2
    assert not (tmp_path / "c.json").exists()


def test_a_pair_of_the_same_two_names_as_a_relation_is_no_example_of_none():
    from pipeline.tools.train_relations import Name, Sample, _stated_names, relation_key

    text = "Kazan, Russia. Later Kazan grew, as Russia did."
    names = [Name(0, 5, "LOC", "Kazan"), Name(7, 13, "LOC", "Russia"), Name(21, 26, "LOC", "Kazan"),
             Name(36, 42, "LOC", "Russia")]
    sample = Sample("d", text, names, [(0, 14), (15, len(text))], {relation_key("located_in", names[0], names[1])})
    assert _stated_names(sample) == {("Kazan", "Russia"), ("Russia", "Kazan")}


@pytest.mark.models
def test_the_english_model_reads_places_within_places_and_no_list_of_countries(models):
    from pipeline import process_text

    def read(text: str) -> set[tuple[str, str, str, str]]:
        doc = process_text(text, models=models, lang="en", published="2020-01-01")
        by_id = {m.id: m.text for m in doc.mentions}
        return {(r.type, by_id[r.head], by_id[r.tail], r.pattern) for r in doc.relations}

    found = read("Heidelberg University is a public research university in Heidelberg, Baden-Württemberg, Germany.")
    assert {("located_in", "Baden-Württemberg", "Germany", PATTERN),
            ("located_in", "Heidelberg", "Germany", PATTERN)} <= found
    assert not any(r[1] == "Germany" for r in found)  # never the other way round
    assert read("Exports from Chile, Peru, Argentina and Bolivia fell sharply last year.") == set()
