"""Russian extraction: Natasha wrapped as spaCy components, on small real sentences."""

import pytest

from ..common import ents

pytestmark = pytest.mark.models


def test_natasha_entities_on_exact_offsets(nlp_for):
    text = "Учредительная конференция Уральского рабочего движения прошла в Перми."  # no gazetteer names
    doc = nlp_for(text)
    assert ents(doc) == [("Уральского рабочего движения", "ORG"), ("Перми", "LOC")]
    for e in doc.ents:
        assert text[e.start_char:e.end_char] == e.text
        assert e._.source == "natasha" and e._.lang == "ru"


def test_morphology_is_on_the_tokens(nlp_for):
    doc = nlp_for("Активисты провели пикет в Москве.")
    moscow = [t for t in doc if t.text == "Москве"][0]
    assert moscow.pos_ == "PROPN" and moscow.morph.get("Case") == ["Loc"]


@pytest.mark.parametrize("text, name", [
    ("Делегаты лиги «Вперёд» проголосовали за слияние.", "Вперёд"),
    ("В слиянии участвовало «Социалистическое сопротивление».", "Социалистическое сопротивление"),
])
def test_quotes_around_a_name_are_not_part_of_it(nlp_for, text, name):
    assert (name, "ORG") in ents(nlp_for(text))


def test_acronym_defined_in_brackets_is_the_organisation(nlp_for):
    doc = nlp_for("В Российском социалистическом движении (РСД) около ста членов. Газета РСД выходит раз в месяц.")
    assert [label for t, label in ents(doc) if t == "РСД"] == ["ORG", "ORG"]


@pytest.mark.parametrize("text, date, value", [
    ("Конференция прошла 7 марта 2011 года в Москве.", "7 марта 2011 года", "2011-03-07"),
    ("В апреле 2011 года к движению присоединилось отделение.", "апреле 2011 года", "2011-04"),
    ("Съезд прошёл 6 марта.", "6 марта", "2011-03-06"),
    # the widest dates around their hints (a month name, a year word, "DD.MM"), whole within the hints' windows
    ("Съезд, которого долго ждали многие участники, открылся 31 декабря 2011 года в Москве.",
     "31 декабря 2011 года", "2011-12-31"),
    ("Приговор был вынесен судом первой инстанции   31.12.2011   г. в Перми.", "31.12.2011   г.", "2011-12-31"),
])
def test_dates_with_values(nlp_for, text, date, value):
    doc = nlp_for(text, published="2011-03-09")
    assert [(e.text, e._.value) for e in doc.ents if e.label_ == "DATE"] == [(date, value)]


def test_dates_far_apart_in_one_long_sentence_are_each_read_with_their_words(nlp_for):
    filler = "и многочисленные представители региональных отделений из самых разных городов страны " * 3
    doc = nlp_for(f"Конференция, начавшаяся 7 марта 2011 года, собрала {filler}и завершилась 12 апреля 2011 г. "
                  "в Москве.")
    assert [(e.text, e._.value) for e in doc.ents if e.label_ == "DATE"] == [
        ("7 марта 2011 года", "2011-03-07"), ("12 апреля 2011 г.", "2011-04-12")]


def test_year_less_date_without_any_anchor_has_no_value(nlp_for):
    doc = nlp_for("Съезд прошёл 6 марта.")
    assert [e._.value for e in doc.ents if e.label_ == "DATE"] == [None]


def test_eve_of_an_event_is_not_a_date_but_eve_of_a_stated_day_is(nlp_for):
    assert ents(nlp_for("Решение приняли накануне конференции, 6 марта.", "2011-03-09"), "DATE") == [
        ("6 марта", "DATE")]
    doc = nlp_for("Митинг прошёл 1 мая 2012 года; накануне полиция задержала организаторов.")
    assert [(e.text, e._.value) for e in doc.ents if e.label_ == "DATE"] == [
        ("1 мая 2012 года", "2012-05-01"), ("накануне", "2012-04-30")]


def test_number_followed_by_comma_is_two_tokens(models):
    doc = models.ru.make_doc("24 июня 2011, 18:30 и 3,5 млн")
    assert [t.text for t in doc][:4] == ["24", "июня", "2011", ","] and "3,5" in [t.text for t in doc]


def test_the_gazetteer_finds_an_organisation_in_any_case(nlp_for):
    doc = nlp_for("Генеральный секретарь Конфедерации труда России встретился с руководством Коммунистической "
                  "партии Российской Федерации.")
    found = [(e.text, e.label_, e._.source) for e in doc.ents]
    assert ("Конфедерации труда России", "ORG", "gazetteer") in found
    assert ("Коммунистической партии Российской Федерации", "ORG", "gazetteer") in found
    normal = {e.text: e._.normal for e in doc.ents}
    assert normal["Конфедерации труда России"] == "Конфедерация труда России"


def test_the_internet_the_media_and_page_navigation_name_nothing(nlp_for):
    doc = nlp_for("Перейти к: навигация, поиск\nВчера в Интернете появилось обращение Левого фронта, о нём "
                  "пишут СМИ.\nКатегории: Политические партии России\n")
    assert [(t, label) for t, label in ents(doc) if label != "DATE"] == [("Левого фронта", "ORG")]


def test_a_capitalised_word_for_a_kind_of_organisation_is_no_name_of_one(nlp_for):
    # "Университет" here is the university the text is about, named by what it is; the full names stay names
    doc = nlp_for("Указ об учреждении Университета подписали в 1819 году. Университету передали здание, и "
                  "Санкт-Петербургский университет вырос. Банк «Северный кредит» открыл там счёт.")
    orgs = [t for t, label in ents(doc) if label == "ORG"]
    assert "Университета" not in orgs and "Университету" not in orgs
    assert "Санкт-Петербургский университет" in orgs and "Северный кредит" in orgs


def test_a_name_with_stress_marks_is_read_whole_and_normalised_without_them(nlp_for):
    text = "Лидер Объединённой коммунисти́ческой па́ртии выступил в Москве."
    orgs = [(e.text, e._.normal) for e in nlp_for(text).ents if e.label_ == "ORG"]
    assert orgs == [("Объединённой коммунисти́ческой па́ртии", "Объединённая коммунистическая партия")]


def test_names_of_several_documents_read_in_one_batch_are_those_read_one_by_one(models):
    # different lengths (the tagger pads the shorter ones), stress marks (offsets mapped back), an empty text
    texts = ["Лидер Объединённой коммунисти́ческой па́ртии выступил в Москве.", "",
             "Учредительная конференция Уральского рабочего движения прошла в Перми. " * 12,
             "Генеральный секретарь Конфедерации труда России встретился с Сергеем Удальцовым в Санкт-Петербурге."]
    one_by_one = [[(e.start_char, e.end_char, e.label_) for e in models.ru(text).ents] for text in texts]
    together = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in models.ru.pipe(texts, batch_size=4)]
    assert together == one_by_one
    assert ("Перми", "LOC") in {(texts[2][a:b], label) for a, b, label in together[2]}
    assert len([e for e in together[2] if e[2] == "LOC"]) == 12 and together[1] == []


@pytest.mark.parametrize("text, name, never", [
    ("Акции госкорпорации «Росатом» передали новой структуре.", "Росатом", "госкорпорации «Росатом»"),
    ("В прошлом году компания «Яндекс» открыла офис в Казани.", "Яндекс", "компания «Яндекс»"),
    ("Ректор НИУ ИТМО выступил на форуме.", "НИУ ИТМО", "ИТМО"),
    ("Совет директоров ПАО «Газпром нефть» утвердил дивиденды.", "ПАО «Газпром нефть»", "Газпром"),
    ("Сотрудники издательского дома «Коммерсантъ» провели забастовку.", "Коммерсантъ", "издательского дома"),
])
def test_a_name_led_by_a_descriptor_a_lower_case_one_left_out(nlp_for, text, name, never):
    found = ents(nlp_for(text))
    assert (name, "ORG") in found
    assert not any(t == never for t, _ in found)


@pytest.mark.parametrize("text, names", [
    ("Авиакомпания S7 Airlines начала полёты в Ташкент.", ["S7 Airlines"]),
    ("Продажи Ozon выросли на треть, сообщила X5 Group.", ["Ozon", "X5 Group"]),
    ("Аналитики Sberbank CIB и Renaissance Capital понизили прогноз.", ["Sberbank CIB", "Renaissance Capital"]),
])
def test_latin_script_company_names_inside_russian_text(models, text, names):
    from pipeline import process_text

    found = process_text(text, models=models, lang="ru").mentions  # a sentence of a Russian document
    assert [m.text for m in found if m.label == "ORG"] == names


def test_a_russian_infobox_copied_without_colons_gives_its_values_without_the_keys(nlp_for):
    text = ("Волжское радио\n\nСтрана\nВладелецСергей Волков (60 %),\nЯзыкрусский, татарский\n"
            "Главный офис Казань, Россия\nОснована 1998\n\nРадио основал Сергей Волков в Казани.")
    found = ents(nlp_for(text))
    assert found.count(("Сергей Волков", "PER")) == 2  # the glued key is split off
    assert ("Казань", "LOC") in found
    assert not any(t.startswith(("Владелец", "Язык", "Главный", "Основана")) for t, _ in found)
