"""The name-tagger trainer: what it makes of gold texts, and a two-step run that writes a tagger spaCy loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.core.errors import PipelineError
from pipeline.tools.train_ner import LABELS, META, examples, make_doc_for, read_texts, split_for_selection, train

from ..common import cli

DATA = Path(__file__).parent.parent / "data" / "ner_train"


@pytest.mark.models  # (spaCy's tokenizers make the training docs)
def test_examples_are_lines_with_the_outermost_names_and_other_spans_left_open():
    docs = list(examples(DATA / "ru.jsonl", "ru", make_doc_for("ru")))
    assert len(docs) == 4  # one per line of the two texts
    office = docs[1]  # "Мэрия Москвы согласовала митинг 12 мая."
    assert [(e.text, e.label_) for e in office.ents] == [("Мэрия Москвы", "ORG")]  # the city inside it is left out
    by_word = {t.text: t.ent_iob_ for t in office}
    assert by_word["12"] == by_word["мая"] == ""  # a date: neither a name nor "no name" for a tagger of names
    assert by_word["согласовала"] == "O"
    english = list(examples(DATA / "en.jsonl", "en", make_doc_for("en")))
    assert ("Moscow", "GPE") in [(e.text, e.label_) for d in english for e in d.ents]  # OntoNotes' label
    assert next(t.ent_iob_ for d in english for t in d if t.text == "Russian") == "O"  # CoNLL's MISC: no name


@pytest.mark.models
def test_the_english_recognizer_also_learns_what_spacys_model_reads_besides_names():
    from pipeline.tools.train_ner import base_reader

    english = [[(e.text, e.label_) for e in d.ents]
               for d in examples(DATA / "en.jsonl", "en", make_doc_for("en"), base=base_reader("en"))]
    assert ("Sunday", "DATE") in english[1]  # spaCy's date, where the gold marks nothing
    assert english[3] == [("Russian", "NORP")]  # CoNLL's MISC name: spaCy's nationality, not "no name"
    assert english[0] == [("Sergei Udaltsov", "PERSON"), ("Left Front", "ORG"), ("Moscow", "GPE")]  # the gold's
    club = english[4]
    assert ("1931", "DATE") in club and ("Perm Shipyard", "ORG") in club  # the gold's names, spaCy's date
    assert base_reader("ru") is None  # Natasha's NER has no other labels to keep


@pytest.mark.models
def test_a_wiki_text_loses_its_unannotated_title_and_its_names_their_leading_the():
    club = [d for d in examples(read_texts(str(DATA / "en.jsonl"))[2:], "en", make_doc_for("en"))]
    assert len(club) == 1  # "Kama Rowing Club" alone on the first line is the title: no example of "no name"
    assert [(e.text, e.label_) for e in club[0].ents] == [
        ("Kama Rowing Club", "ORG"), ("Perm", "GPE"), ("Perm Shipyard", "ORG")]
    assert club[0][0].text == "The" and club[0][0].ent_iob_ == "O"  # the leading "the" is no part of the name


def test_a_training_file_can_be_cut_and_a_tenth_of_each_held_back_to_choose_the_model(tmp_path):
    path = tmp_path / "texts.jsonl"
    path.write_text("".join(f'{{"id": "t{i}", "lang": "en", "text": "Text {i}.", "entities": []}}\n'
                            for i in range(20)), encoding="utf-8")
    assert [t["id"] for t in read_texts(f"{path}:3")] == ["t0", "t1", "t2"]
    assert [t["id"] for t in read_texts(f"{path}:-17")] == ["t0", "t1", "t2"]  # all but the last 17
    assert len(read_texts(str(path))) == 20
    train_texts, held = split_for_selection([read_texts(f"{path}:-10"), read_texts(f"{path}:3")], 0.1)
    assert [t["id"] for t in held] == ["t9", "t2"]  # the last tenth of each, and at least one of each
    assert len(train_texts) == 9 + 2
    with pytest.raises(PipelineError, match="no text left"):
        read_texts(f"{path}:-20")


@pytest.mark.models
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_tiny_training_run_writes_a_tagger_that_loads(tmp_path, lang):
    import spacy

    out = tmp_path / "tagger"
    out.mkdir()
    (out / "README.md").write_text("the model card", encoding="utf-8")
    (out / "stale.bin").write_bytes(b"old weights")
    train(lang, [str(DATA / f"{lang}.jsonl")], out, max_steps=2)
    tagger = spacy.load(out)
    assert tagger.pipe_names[-1] == "ner"
    assert set(LABELS[lang].values()) <= set(tagger.get_pipe("ner").labels)
    assert (tagger.meta["name"], tagger.meta["license"]) == (META[lang]["name"], META[lang]["license"])
    assert tagger.meta["sources"] == META[lang]["sources"] and all(s["license"] for s in tagger.meta["sources"])
    assert (out / "README.md").read_text(encoding="utf-8") == "the model card"  # the card stays
    assert not (out / "stale.bin").exists()  # the rest is the new model's
    assert "tmp" not in (out / "config.cfg").read_text(encoding="utf-8")  # no path of the training run's files
    assert tagger.config["paths"]["train"] is None


def test_the_command_line_refuses_a_language_without_a_tagger_in_one_line(tmp_path):
    result = cli("train", "ner", "de", "--train", str(DATA / "en.jsonl"), "--out", str(tmp_path / "t"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["error: 'de': the taggers are en, ru"]
    assert not (tmp_path / "t").exists()


@pytest.mark.models
def test_a_recognizer_takes_the_place_of_spacys_ner_in_the_english_pipeline(tmp_path):
    from pipeline import load_models
    from pipeline.core.settings import Settings
    from pipeline.tools.train_ner import RECOGNIZER_META

    out = tmp_path / "recognizer"
    train("en", [str(DATA / "en.jsonl")], out, max_steps=2, recognizer=True)
    models = load_models(Settings(en_tagger=str(out)))
    ner = models.en.get_pipe("ner")
    assert {"DATE", "PERSON", "ORG", "GPE", "NORP"} <= set(ner.labels)  # spaCy's labels, all kept
    assert "trained_names" not in models.en.pipe_names  # one recognizer, no tagger beside it
    assert models.en.meta["name"] != RECOGNIZER_META["name"]  # the pipeline is spaCy's, its NER ours
    doc = models.process("Ivan Petrov opened the Perm office of Gazprom on 12 March 2011.", "en")
    found = {(e.text, e.label_): e._.source for e in doc.ents}
    assert found.get(("12 March 2011", "DATE")) == "model"  # two updates from spaCy's NER: its dates still read
    assert found.get(("Ivan Petrov", "PER")) == "model"  # our trained model's, not spaCy's


def test_only_english_has_a_recognizer_to_train(tmp_path):
    result = cli("train", "ner", "ru", "--recognizer", "--train", str(DATA / "ru.jsonl"), "--out", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: --recognizer: only for en (a base model's NER to take the place of)"]
