"""page_subject with the real models: the title of an organisation's page is ORG at the title and in the prose."""

from __future__ import annotations

import pytest

from ..common import ents

PAGE = ("= Oborona =\n\nRussian Youth Movement \"Oborona\"\n- Leader: Council of Oborona\n- Foundation: 2005-03-12\n"
        "- Headquarters: Saint Petersburg\n\nOborona is a youth movement. In 2006 Oborona held a rally.\n")


@pytest.mark.models
def test_the_title_of_an_organisation_page_is_an_organisation(nlp_for):
    doc = nlp_for(PAGE)
    found = ents(doc)
    assert found.count(("Oborona", "ORG")) >= 3  # the title and the two sentences
    assert ("Council of Oborona", "ORG") in found or found.count(("Oborona", "ORG")) == 4  # the council, or the
    # name inside it
    assert ("Russian Youth Movement \"Oborona\"", "ORG") in found
    assert not [e for e in found if e[0] == "Oborona" and e[1] != "ORG"]


@pytest.mark.models
def test_a_news_text_gets_no_title(nlp_for):
    doc = nlp_for("Oborona\nOborona activists met in Saint Petersburg on Monday.\n")
    assert all(e._.source != "rule" or e.label_ != "ORG" or e.text != "Oborona" for e in doc.ents)


@pytest.mark.models
def test_infobox_lines_that_list_organisations_name_each_item(nlp_for):
    doc = nlp_for("= Union of Left Forces =\n- Leader: Anna Petrova\n- Merger: Youth Yabloko branch, Oborona, "
                  "Forward, Russia!\n- Newspaper: Just Cause\n- International: None\n")
    found = ents(doc, "ORG")
    for name in ("Youth Yabloko branch", "Oborona", "Forward, Russia!", "Just Cause"):
        assert (name, "ORG") in found
    assert ("None", "ORG") not in found


@pytest.mark.models
def test_infobox_leaders_are_persons_and_governing_bodies_are_not(nlp_for):
    doc = nlp_for("= Union of Left Forces =\n- Chairman: Vasily Yakemenko\n- Leader: Council of Oborona\n"
                  "- Founded: 2005\n")
    assert ("Vasily Yakemenko", "PER") in ents(doc)
    assert not [e for e in ents(doc, "PER") if "Council" in e[0]]


@pytest.mark.models
def test_infobox_dates_are_read_whole_and_keys_name_nothing(nlp_for):
    doc = nlp_for("Libertarian Party of Russia | |\n---|---|\nLeader | Boris Fedyukin |\nFounded | 15 April 2008 |\n"
                  "Headquarters | Moscow, Russia |\n")
    dates = [(e.text, e._.value) for e in doc.ents if e.label_ == "DATE"]
    assert dates == [("15 April 2008", "2008-04-15")]
    assert not [e for e in doc.ents if e.text in ("Leader", "Founded", "Headquarters")]
    doc = nlp_for("Communist Party of Social Justice\nLeader Andrei Bogdanov\nFounded April 8, 2012\n"
                  "Headquarters Moscow, Russia\n")
    assert [(e.text, e._.value) for e in doc.ents if e.label_ == "DATE"] == [("April 8, 2012", "2012-04-08")]


@pytest.mark.models
@pytest.mark.parametrize("text, date", [
    ("Конфедерация труда России\n\nДата основания:\n\n1995\n\nЛидер:\n\nБорис Кравченко\n\n"
     "Конфедерация труда России — объединение профсоюзов.", ("1995", "1995")),
    ("Workers' Union of Kazan\n\nFounded\n\n9 December 2006\n\nLeader\n\nIvan Petrov\n\nThe union is in Russia.",
     ("9 December 2006", "2006-12-09")),
])
def test_a_date_key_alone_takes_the_date_on_the_line_below(nlp_for, text, date):
    doc = nlp_for(text)
    assert [(e.text, e._.value) for e in doc.ents if e.label_ == "DATE"] == [date]


@pytest.mark.models
def test_the_stressed_title_in_an_article_s_first_sentence_is_the_organisation(nlp_for):
    text = ("Оборона\n\nЛидер:\n\nОлег Козловский\n\nДата основания:\n\n2005\n\n"
            "Оборо́на — молодёжное движение, созданное в 2005 году.")
    orgs = [(e.text, e._.normal) for e in nlp_for(text).ents if e.label_ == "ORG"]
    assert ("Оборо́на", "Оборона") in orgs
