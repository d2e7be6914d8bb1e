"""English extraction: spaCy's entities in our span conventions, on small real sentences."""

import pytest

from ..common import ents

pytestmark = pytest.mark.models

INFOBOX = ("Workers' Union of Kazan\n\nLeaderArham Kothari\nHeadquartersMoscow, Russia\n"
           "International affiliationFourth International\n\nThe union was founded in 2009.")


def test_glued_infobox_values_are_entities_of_their_own(nlp_for):
    found = ents(nlp_for(INFOBOX))
    assert ("Arham Kothari", "PER") in found
    assert ("Moscow", "LOC") in found and ("Russia", "LOC") in found
    assert ("Fourth International", "ORG") in found
    assert not any("Leader" in t or "Headquarters" in t or "\n" in t for t, _ in found)


@pytest.mark.parametrize("text, expected", [
    ("He met representatives of the Federation of Socialist Youth yesterday.",
     ("Federation of Socialist Youth", "ORG")),
    ("The Peter Alekseev Resistance Movement's members came too.", ("Peter Alekseev Resistance Movement", "ORG")),
    ("Branches opened in Moscow, Saint Petersburg, Kaluga, Novosibirsk, Perm, Saratov and Yaroslavl.",
     ("Saratov", "LOC")),
])
def test_span_conventions_no_the_no_possessive_no_lists(nlp_for, text, expected):
    found = ents(nlp_for(text))
    assert expected in found
    assert not any(t.startswith(("the ", "The ")) or t.endswith(("'s", ",", ".")) for t, _ in found)


def test_a_list_of_cities_gives_one_place_per_city(nlp_for):
    doc = nlp_for("The RSM had regional branches with centres in Moscow, Novosibirsk, Perm, Saratov, Yaroslavl.")
    assert [t for t, label in ents(doc) if label == "LOC"] == ["Moscow", "Novosibirsk", "Perm", "Saratov",
                                                              "Yaroslavl"]


def test_name_and_parenthesised_translation_are_two_names(nlp_for):
    doc = nlp_for("It was created by the fusion of Socialist league Vpered (Forward, Russian section) and others.")
    assert ("Socialist league Vpered", "ORG") in ents(doc)
    assert all("(" not in t for t, _ in ents(doc))


def test_undefined_acronym_is_read_as_the_initials_of_a_name(nlp_for):
    doc = nlp_for("The Russian Socialist Movement held a congress. Later the RSM opened a branch, and RSM activists "
                  "joined a picket.")
    assert [(t, label) for t, label in ents(doc) if t == "RSM"] == [("RSM", "ORG"), ("RSM", "ORG")]


def test_acronym_of_no_name_in_the_document_is_left_alone(nlp_for):
    doc = nlp_for("The Russian Socialist Movement held a congress in the USA.")
    assert not any(t == "USA" and label == "ORG" for t, label in ents(doc))


def test_named_forest_is_a_place_including_the_word_forest(nlp_for):
    doc = nlp_for("Activists defended the Khimki forest and later the Siverskiy Forest near the city.")
    assert ("Khimki forest", "LOC") in ents(doc) and ("Siverskiy Forest", "LOC") in ents(doc)


def test_transliterated_russian_names_of_organisations_are_not_persons(nlp_for):
    doc = nlp_for("The article appeared in Novaya Gazeta on Monday.")
    assert ("Novaya Gazeta", "PER") not in ents(doc)


def test_wiki_heading_gives_no_entity(nlp_for):
    doc = nlp_for("The RSM publishes a newspaper.\n\nAllied organizationsEdit\n\nExternal linksEdit\n")
    assert not any("Allied" in t or "Edit" in t for t, _ in ents(doc))


def test_day_range_is_one_date(nlp_for):
    doc = nlp_for("Novaya Gazeta, № 74, 13 — 16 October 2011.")
    assert ents(doc, "DATE") == [("13 — 16 October 2011", "DATE")]
    assert [e._.value for e in doc.ents if e.label_ == "DATE"] == ["2011-10-13/2011-10-16"]


@pytest.mark.parametrize("text, dates", [
    ("National affiliation: Other Russia (2012–2013)", [("2012–2013", "2012/2013")]),
    ("He chaired the party in 2012–2013.", [("2012–2013", "2012/2013")]),
    ("The population was 1500-2000 people.", []),  # a count, not a period
])
def test_a_period_of_years_is_one_date(nlp_for, text, dates):
    doc = nlp_for(text)
    assert [(e.text, e._.value) for e in doc.ents if e.label_ == "DATE"] == dates


def test_russian_run_inside_english_is_read_by_natasha(nlp_for):
    doc = nlp_for("Sources: (in Russian) В Москве создано новое Российское социалистическое движение "
                  "(«Новый регион», 9 марта 2011)")
    found = {(e.text, e.label_, e._.lang) for e in doc.ents}
    assert ("Москве", "LOC", "ru") in found
    assert ("Российское социалистическое движение", "ORG", "ru") in found
    assert ("9 марта 2011", "DATE", "ru") in found
    assert {e._.source for e in doc.ents} <= {"natasha", "gazetteer", "rule"}
    moscow = next(e for e in doc.ents if e.text == "Москве")
    assert moscow._.normal == "Москва"


@pytest.mark.parametrize("text, expected, never", [
    ("Interfax news agency reported the arrest.", ("Interfax", "ORG"), ("Interfax news agency", "ORG")),
    ('The Russian United Democratic Party "Yabloko" was founded in 1993.',
     ('Russian United Democratic Party "Yabloko"', "ORG"), ("Yabloko", "ORG")),
    ('He joined the People\'s Freedom Party "For Russia without Lawlessness and Corruption" in 2010.',
     ('People\'s Freedom Party "For Russia without Lawlessness and Corruption"', "ORG"), ("Russia", "LOC")),
    ("The Secretary of State met the delegation.", None, ("State", "ORG")),  # a title, no organisation
])
def test_name_boundaries_on_real_page_wordings(nlp_for, text, expected, never):
    found = ents(nlp_for(text))
    assert never not in found
    assert expected is None or expected in found


def test_the_lines_around_a_copied_article_name_nothing(nlp_for):
    doc = nlp_for("From Wikipedia, the free encyclopedia\nJump to content\nThe Left Front was founded in 2008.\n"
                  "Categories: Political parties in Russia | Left-wing parties\n")
    assert ents(doc) == [("Left Front", "ORG"), ("2008", "DATE")]



def test_an_infobox_without_colons_gives_its_values_without_the_keys(nlp_for):
    found = ents(nlp_for("The Full Wiki\n\nVolga Freight Lines\nFounded May 1997\nHubs Samara Kurumoch Airport\n"
                         "Headquarters Samara, Russia\nKey people Irina Pavlova (CEO)\n\n"
                         "Volga Freight Lines is a cargo airline based in Samara."))
    assert ("Samara Kurumoch Airport", "LOC") in found  # no key in it, and no person ends in "Airport"
    assert ("Irina Pavlova", "PER") in found
    assert not any(t.startswith(("Hubs", "Headquarters", "Key", "Founded")) or "Wiki" in t for t, _ in found)


def test_a_copied_reference_keeps_its_archive_date_and_names_no_archived(nlp_for):
    found = ents(nlp_for('"Moscow rally" (in Russian). Novaya Gazeta. Archived 2013-12-24 at the Wayback Machine.'))
    assert ("2013-12-24", "DATE") in found
    assert not any("Archived" in text for text, _ in found)


def test_a_date_written_the_iso_way_is_one_date(nlp_for):
    doc = nlp_for("Party\n- Founders: , , ,,\n- Registered: 1991-03-14\n- Foundation: 1990-11-17\n")
    dates = [(e.text, e._.value) for e in doc.ents if e.label_ == "DATE"]
    assert dates == [("1991-03-14", "1991-03-14"), ("1990-11-17", "1990-11-17")]


def test_how_often_is_no_date(nlp_for):
    found = ents(nlp_for("The party coordinates an annual international conference, and its members meet weekly."))
    assert not [text for text, label in found if label == "DATE"]


def test_earlier_this_month_is_one_date(models):
    from pipeline import process_text

    record = process_text("The company announced earlier this month that it would sell the unit.", models=models,
                          lang="en", published="1989-10-26")
    assert [(m.text, m.value) for m in record.mentions if m.label == "DATE"] == [("earlier this month", "1989-10")]


def test_a_weekday_and_the_date_it_names_are_one_date(models):
    from pipeline import process_text

    record = process_text("The meeting took place on Friday, Oct. 23, in Paris. Talks went on Monday, Tuesday and "
                          "Friday.", models=models, lang="en", published="1998-10-30")
    assert [(m.text, m.value) for m in record.mentions if m.label == "DATE"] == [
        ("Friday, Oct. 23", "1998-10-23"), ("Monday", "1998-10-26"), ("Tuesday", "1998-10-27"),
        ("Friday", "1998-10-30")]  # a list of weekdays stays a list


def test_an_age_is_no_date(nlp_for):
    # spaCy's model reads all three ages as dates
    found = ents(nlp_for("The fate of the 6-year-old boy was decided; his 52-year-old uncle, who is 52 years old, "
                         "lives in Miami."))
    assert not [text for text, label in found if label == "DATE"]


def test_now_currently_recently_refer_to_the_time_of_writing(nlp_for):
    doc = nlp_for("Kopp now lives in France and currently works as a teacher; he recently moved. Now, he says, the "
                  "case is closed. Now that the talks failed, nothing is left. He is there right now.")
    dates = [(e.text, e.start_char, e._.value) for e in doc.ents if e.label_ == "DATE"]
    assert dates == [("now", 5, "PRESENT_REF"), ("currently", 29, "PRESENT_REF"), ("recently", 62, "PAST_REF")]


def test_a_date_without_a_calendar_value_holds_no_relation(models):
    from pipeline import process_text

    record = process_text("The Left Front joined the coalition now. The Left Front joined the coalition in 2011.",
                          models=models, lang="en", published="2012-05-01")
    now = next(m for m in record.mentions if m.text == "now")
    assert now.value == "PRESENT_REF" and not now.dated
    tails = {m.id: m for m in record.mentions}
    dated = [tails[r.tail].value for r in record.relations if tails[r.tail].label == "DATE"]
    assert dated == ["2011"]  # the year, never "now"


@pytest.mark.parametrize("text, expected", [
    ("He was elected to the municipal council of the Yuzhnoye Tushino District of Moscow.",
     ("Yuzhnoye Tushino District", "LOC")),
    ("The Central Election Commission of the Perm Region met on Monday.",
     ("Central Election Commission of the Perm Region", "ORG")),  # an organisation of a region
])
def test_a_name_ending_in_a_division_word_is_a_place(nlp_for, text, expected):
    assert expected in ents(nlp_for(text))


@pytest.mark.parametrize("words, is_name", [
    ("Federal party Committee", False), ("Seats", False), ("None", False), ("Regional Parliaments", False),
    ("Central Committee", False), ("Federal Security Service", True), ("Party of Regions", True),
])
def test_an_organisation_named_with_generic_words_only_is_no_name(nlp_for, words, is_name):
    from spacy.tokens import Span

    from pipeline.extract.english import _is_name

    doc = nlp_for(f"{words} was mentioned.")
    assert _is_name(Span(doc, 0, len(words.split()), label="ORG")) is is_name


def test_two_seasons_of_a_period_are_two_dates_each_with_its_season(nlp_for):
    doc = nlp_for("The campaign ran from summer 2008 – autumn 2009 in Moscow.")
    assert [(e.text, e._.value) for e in doc.ents if e.label_ == "DATE"] == [
        ("summer 2008", "2008-SU"), ("autumn 2009", "2009-FA")]
