"""Infobox lines in both languages, as real pages and their web copies write them: what each states about the
page's organisation, and lines that state nothing."""

from __future__ import annotations

import pytest

from pipeline.relate.infobox import infobox_relations

from ..common import record


def _facts(text: str, names: list[tuple[str, str]], **fields) -> set[tuple[str, str, str]]:
    doc = record(text, names, **fields)
    by_id = {m.id: m for m in doc.mentions}
    return {(r.type, by_id[r.head].text, by_id[r.tail].value or by_id[r.tail].text)
            for r in infobox_relations(doc.text, doc.mentions)}


STATED = [
    # an address's street, written short, is no seat
    ("Коммунисты России\nШтаб-квартира:\n\nМосква, 125167, Ленинградский пр-т, д. 47, стр. 1\n",
     [("Коммунисты России", "ORG"), ("Москва", "LOC"), ("Ленинградский пр-т", "LOC")], {},
     {("headquartered_in", "Коммунисты России", "Москва")}),
    ("Left Front\n- Native Name Lang: ru\n- Leader: Sergei Udaltsov\n- Founded: 18 October 2008\n",
     [("Left Front", "ORG"), ("Sergei Udaltsov", "PER"), ("18 October 2008", "DATE")],
     {"18 October 2008": {"value": "2008-10-18"}},
     {("leader_of", "Sergei Udaltsov", "Left Front"), ("founded_on", "Left Front", "2008-10-18")}),
    ("Workers' Union\n\nLeaderArham Kothari\nHeadquartersMoscow, Russia\nPolitical positionFar-left\n"
     "International affiliationFourth International\n",
     [("Workers' Union", "ORG"), ("Arham Kothari", "PER"), ("Moscow", "LOC"), ("Russia", "LOC"),
      ("Fourth International", "ORG")], {},
     {("leader_of", "Arham Kothari", "Workers' Union"), ("headquartered_in", "Workers' Union", "Moscow"),
      ("located_in", "Moscow", "Russia"), ("affiliated_with", "Workers' Union", "Fourth International")}),
    ("Демократический выбор\nЛидер Сергей Жаворонков\nИгорь Драндин\n(сопредседатели)\nДата основания 28 февраля "
     "2010 года\nШтаб-квартира  Россия, Москва\nИдеология\nСоюзники и блоки Гражданская инициатива,\n"
     "Партия 5 декабря\n",
     [("Демократический выбор", "ORG"), ("Сергей Жаворонков", "PER"), ("Игорь Драндин", "PER"),
      ("28 февраля 2010 года", "DATE"), ("Россия", "LOC"), ("Москва", "LOC"), ("Гражданская инициатива", "ORG"),
      ("Партия 5 декабря", "ORG")], {"28 февраля 2010 года": {"value": "2010-02-28"}},
     {("leader_of", "Сергей Жаворонков", "Демократический выбор"),
      ("leader_of", "Игорь Драндин", "Демократический выбор"),
      ("founded_on", "Демократический выбор", "2010-02-28"), ("headquartered_in", "Демократический выбор", "Москва"),
      ("located_in", "Москва", "Россия"), ("affiliated_with", "Демократический выбор", "Гражданская инициатива"),
      ("affiliated_with", "Демократический выбор", "Партия 5 декабря")}),
    ("Коммунисты России\nПоделись знанием:\nЛидер:\n\nМаксим Сурайкин\n(Председатель Центрального комитета)\n",
     [("Коммунисты России", "ORG"), ("Максим Сурайкин", "PER")], {},
     {("leader_of", "Максим Сурайкин", "Коммунисты России")}),
    ("= Nashi (Russia) =\n\nYouth movement\n- Chairman: Vasily Yakemenko\n"
     "- Headquarters: 24th A Building, Pervaya Yamskogo Polya Street, Moscow, Russia\n",
     [("Nashi", "ORG"), ("Vasily Yakemenko", "PER"), ("Pervaya Yamskogo Polya Street", "LOC"), ("Moscow", "LOC"),
      ("Russia", "LOC")], {},
     {("leader_of", "Vasily Yakemenko", "Nashi"), ("headquartered_in", "Nashi", "Moscow"),
      ("located_in", "Moscow", "Russia")}),
    ("Movement Against Illegal Immigration\nLeaderVladimir Basmanov [ru](2002-2008)\nAlexander Belov (2008-2010)\n",
     [("Movement Against Illegal Immigration", "ORG"), ("Vladimir Basmanov", "PER"), ("Alexander Belov", "PER")], {},
     {("leader_of", "Vladimir Basmanov", "Movement Against Illegal Immigration"),
      ("leader_of", "Alexander Belov", "Movement Against Illegal Immigration")}),
    # the keys of company, university and club pages
    ("Volga Tractor Works\n- CEO: Pavel Orlov\n- Parent company: Uralmash Group\n- Subsidiaries: Volga Parts\n"
     "- Publisher: Volga Media\n",
     [("Volga Tractor Works", "ORG"), ("Pavel Orlov", "PER"), ("Uralmash Group", "ORG"), ("Volga Parts", "ORG"),
      ("Volga Media", "ORG")], {},
     {("leader_of", "Pavel Orlov", "Volga Tractor Works"), ("member_of", "Volga Tractor Works", "Uralmash Group"),
      ("member_of", "Volga Parts", "Volga Tractor Works"), ("publishes", "Volga Media", "Volga Tractor Works")}),
    ("Tomsk Polytechnic University\nEstablished 1896\nRector Elena Morozova\n",
     [("Tomsk Polytechnic University", "ORG"), ("1896", "DATE"), ("Elena Morozova", "PER")],
     {"1896": {"value": "1896"}},
     {("founded_on", "Tomsk Polytechnic University", "1896"),
      ("leader_of", "Elena Morozova", "Tomsk Polytechnic University")}),
    ("FC Volga Kazan\nHead coach: Igor Belov\nLeague: Russian Football National League\n",
     [("FC Volga Kazan", "ORG"), ("Igor Belov", "PER"), ("Russian Football National League", "ORG")], {},
     {("leader_of", "Igor Belov", "FC Volga Kazan"),
      ("member_of", "FC Volga Kazan", "Russian Football National League")}),
    ("Сибирский механический завод\nГенеральный директор Олег Смирнов\nГод основания 1932\n"
     "Материнская компания: Ростех\n",
     [("Сибирский механический завод", "ORG"), ("Олег Смирнов", "PER"), ("1932", "DATE"), ("Ростех", "ORG")],
     {"1932": {"value": "1932"}},
     {("leader_of", "Олег Смирнов", "Сибирский механический завод"),
      ("founded_on", "Сибирский механический завод", "1932"), ("member_of", "Сибирский механический завод", "Ростех")}),
    # key people: only a leader's title in brackets makes a leader
    ("Volga Tractor Works\nKey people Pavel Orlov (General Director), Anna Lis (CFO), Oleg Krot (Deputy General "
     "Director)\n",
     [("Volga Tractor Works", "ORG"), ("Pavel Orlov", "PER"), ("Anna Lis", "PER"), ("Oleg Krot", "PER")], {},
     {("leader_of", "Pavel Orlov", "Volga Tractor Works")}),
    ("Сибирский механический завод\nКлючевые фигуры Олег Смирнов (генеральный директор)\n"
     "Ирина Кузнецова (главный бухгалтер)\nПётр Лавров (заместитель генерального директора)\n",
     [("Сибирский механический завод", "ORG"), ("Олег Смирнов", "PER"), ("Ирина Кузнецова", "PER"),
      ("Пётр Лавров", "PER")], {},
     {("leader_of", "Олег Смирнов", "Сибирский механический завод")}),
    # the people on bulleted lines under the key
    ("Volga Tractor Works\nKey people\n  • Pavel Orlov (President)\n  • Anna Lis (Chairman of the Supervisory Board)\n"
     "  • Oleg Krot (Deputy Chairman)\nProducts Tractors\n",
     [("Volga Tractor Works", "ORG"), ("Pavel Orlov", "PER"), ("Anna Lis", "PER"), ("Oleg Krot", "PER")], {},
     {("leader_of", "Pavel Orlov", "Volga Tractor Works"), ("leader_of", "Anna Lis", "Volga Tractor Works")}),
    ("Уральский горный университет\nРектор: Алексей Душин\n",
     [("Уральский горный университет", "ORG"), ("Алексей Душин", "PER")], {},
     {("leader_of", "Алексей Душин", "Уральский горный университет")}),
    # a table copied with its cell borders; the title line carries the native name too; "or" between two leaders
    ("Workers' League Рабочая лига | |\n---|---|\nLeader | Anna Petrova (disputed)[1] or Ivan Sidorov |\n"
     "| Headquarters | Kazan,Russia |\n| Newspaper | Workers' Voice |\n",
     [("Workers' League", "ORG"), ("Anna Petrova", "PER"), ("Ivan Sidorov", "PER"), ("Kazan", "LOC"),
      ("Russia", "LOC"), ("Workers' Voice", "ORG")], {},
     {("leader_of", "Anna Petrova", "Workers' League"), ("leader_of", "Ivan Sidorov", "Workers' League"),
      ("headquartered_in", "Workers' League", "Kazan"), ("located_in", "Kazan", "Russia"),
      ("publishes", "Workers' League", "Workers' Voice")}),
    ("Объединённая рабочая партия\nОбъединённая рабочая партия | |\n---|---|\nЛидер | Пётр Иванов |\n"
     "Основатель | Пётр Иванов |\nОснована | 15 марта 2014 года |\n",
     [("Объединённая рабочая партия", "ORG"), ("Объединённая рабочая партия", "ORG"), ("Пётр Иванов", "PER"),
      ("Пётр Иванов", "PER"), ("15 марта 2014 года", "DATE")], {"15 марта 2014 года": {"value": "2014-03-15"}},
     {("leader_of", "Пётр Иванов", "Объединённая рабочая партия"),
      ("founded_on", "Объединённая рабочая партия", "2014-03-15")}),
    # a key that states nothing ends the one above: a glued owner line the tagger took whole for a place is no
    # value of "Country"
    ("Kama Steel\nCountry\nOwnerIvan Petrov (60%),\nKey people\nPavel Orlov (CEO)\nRevenue $3 billion\n",
     [("Kama Steel", "ORG"), ("OwnerIvan Petrov", "LOC"), ("Pavel Orlov", "PER")], {},
     {("leader_of", "Pavel Orlov", "Kama Steel")}),
    # city, region, country: the city is the seat, in the region, in the country
    ("Kama Steel\nHeadquarters Chusovoy, Perm Krai, Russia\n",
     [("Kama Steel", "ORG"), ("Chusovoy", "LOC"), ("Perm Krai", "LOC"), ("Russia", "LOC")], {},
     {("headquartered_in", "Kama Steel", "Chusovoy"), ("located_in", "Chusovoy", "Perm Krai"),
      ("located_in", "Perm Krai", "Russia")}),
    ("Камская сталь\nШтаб-квартира Россия, Пермский край, Чусовой\n",
     [("Камская сталь", "ORG"), ("Россия", "LOC"), ("Пермский край", "LOC"), ("Чусовой", "LOC")], {},
     {("headquartered_in", "Камская сталь", "Чусовой"), ("located_in", "Чусовой", "Пермский край"),
      ("located_in", "Пермский край", "Россия")}),
    # an address gives its city, on the key line or on the line below
    ("Left Front\n- Headquarters: Moscow, 125167, Tverskaya street 5\n", [("Left Front", "ORG"), ("Moscow", "LOC")],
     {}, {("headquartered_in", "Left Front", "Moscow")}),
    ("Коммунисты России\nШтаб-квартира:\n\nМосква, 125167, Ленинградский пр-т, д. 47\n\nИдеология:\n",
     [("Коммунисты России", "ORG"), ("Москва", "LOC")], {}, {("headquartered_in", "Коммунисты России", "Москва")}),
    # numbered fields: the title says what the names are; a country line; two seats
    ("= Union of Left Forces =\n- Leader1 Title: President (s)\n- Leader1 Name: Anna Petrova, , Ivan Sidorov,\n"
     "- Leader2 Title: Founders\n- Leader2 Name: Oleg Orlov\n- Affiliation1 Title: Main organ\n"
     "- Affiliation1: Youth Front\n- Headquarters: Krasnodar , Moscow\n- Country: Russia\n",
     [("Union of Left Forces", "ORG"), ("Anna Petrova", "PER"), ("Ivan Sidorov", "PER"), ("Oleg Orlov", "PER"),
      ("Youth Front", "ORG"), ("Krasnodar", "LOC"), ("Moscow", "LOC"), ("Russia", "LOC")], {},
     {("leader_of", "Anna Petrova", "Union of Left Forces"), ("leader_of", "Ivan Sidorov", "Union of Left Forces"),
      ("affiliated_with", "Union of Left Forces", "Youth Front"), ("located_in", "Union of Left Forces", "Russia"),
      ("headquartered_in", "Union of Left Forces", "Krasnodar"),
      ("headquartered_in", "Union of Left Forces", "Moscow")}),
    ("People's Freedom Party\n- Merger: Forward, Russia!, Peasant Party of Russia\n- Newspaper: Svobodnoye Slovo\n",
     [("People's Freedom Party", "ORG"), ("Peasant Party of Russia", "ORG"), ("Svobodnoye Slovo", "ORG")], {},
     {("merged_into", "Peasant Party of Russia", "People's Freedom Party"),
      ("publishes", "People's Freedom Party", "Svobodnoye Slovo")}),
]

NOTHING = [
    ("Left Front\nLeader of the party Sergei Udaltsov said it would grow.\n",  # prose, not a key
     [("Left Front", "ORG"), ("Sergei Udaltsov", "PER")], {}),
    ("Union of Right Forces\n- Leader2 Name: Yegor Gaidar, Anatoly Chubais\n",  # another key, "Leader2 Name"
     [("Union of Right Forces", "ORG"), ("Yegor Gaidar", "PER"), ("Anatoly Chubais", "PER")], {}),
    ("People's Freedom Party\n- Merger: Peasant Party of Russia\n",  # a name the model cut short is not a value
     [("People's Freedom Party", "ORG"), ("Peasant Party", "ORG")], {}),
    ("FC Volga Kazan\nLeague of Nations delegates visited the club in 1925.\n",  # a name that starts with a key
     [("FC Volga Kazan", "ORG"), ("League of Nations", "ORG")], {}),
    ("Volga Tractor Works\nPublisher Volga Media printed its history in 1990.\n",  # a sentence after the key
     [("Volga Tractor Works", "ORG"), ("Volga Media", "ORG")], {}),
    ("It was a big day.\n- Leader: Sergei Udaltsov\n",  # no page title: no subject
     [("Sergei Udaltsov", "PER")], {}),
    ("Left Front\n- Leader: Collective leadership\n", [("Left Front", "ORG")], {}),  # no person named
    ("Left Front\n- European affiliation: None\n", [("Left Front", "ORG"), ("None", "ORG")], {}),  # no value

]


@pytest.mark.parametrize("text, names, fields, facts", STATED, ids=lambda x: x[:30] if isinstance(x, str) else "")
def test_infobox_lines_state_their_facts(text, names, fields, facts):
    assert _facts(text, names, **fields) == facts


@pytest.mark.parametrize("text, names, fields", NOTHING, ids=lambda x: x[:30] if isinstance(x, str) else "")
def test_lines_that_state_nothing(text, names, fields):
    assert _facts(text, names, **fields) == set()


def test_a_sentence_that_starts_with_a_key_word_is_prose():
    text = "Левый фронт\nШтаб-квартира Левого фронта находится в Москве.\n"
    assert _facts(text, [("Левый фронт", "ORG"), ("Левого фронта", "ORG"), ("Москве", "LOC")]) == set()
