"""Tree rules with the real models on sentences whose structure alone states the relation (and one that does not)."""

from __future__ import annotations

import pytest

from pipeline import process_text


def _stated(models, text: str) -> set[tuple[str, str, str]]:
    doc = process_text(text, models=models, published="2026-11-29")
    by_id = {m.id: m for m in doc.mentions}
    return {(r.type, by_id[r.head].normal, by_id[r.tail].value or by_id[r.tail].normal) for r in doc.relations}


@pytest.mark.models
@pytest.mark.parametrize("text, fact", [
    ("Завод находится в Тольятти в Самарской области.", ("located_in", "Тольятти", "Самарская область")),
    ("Фестиваль прошёл в Грейт-Данмоу, графство Эссекс.", ("located_in", "Грейт-Данмоу", "Эссекс")),
    ("Штаб-квартира компании «Газпром» находится в Москве.", ("headquartered_in", "Газпром", "Москва")),
    ("Vpered and Socialist Resistance merged to form the Russian Socialist Movement in 2011.",
     ("founded_on", "Russian Socialist Movement", "2011")),
    ("Yabloko's members include Grigory Yavlinsky and Lev Shlosberg.", ("member_of", "Lev Shlosberg", "Yabloko")),
    ("Lukoil has its head office in Moscow, a short walk from the Kremlin.", ("headquartered_in", "Lukoil", "Moscow")),
    # "party" before a title, and "Движение" as the subject, are the organisation the text is about
    ("The Communist Party of Social Justice is a party in Russia. In 2014, Andrei Bogdanov became party leader.",
     ("leader_of", "Andrei Bogdanov", "Communist Party of Social Justice")),
    ("Евразийский союз молодёжи — общественное движение. Движение было создано в 2005 году Александром Дугиным, в "
     "дальнейшем руководилось как самим Дугиным, так и его дочерью Дарьей Дугиной.",
     ("leader_of", "Дарья Дугина", "Евразийский союз молодёжи")),
    # what is said of the word a place's name is given, or of the place word beside the name
    ("Свадьба прошла в их родном городе Росарио в центральной части Аргентины.",
     ("located_in", "Росарио", "Аргентина")),
    ("После войны он переехал в Омск, столицу белого движения в Сибири, где занимался оборудованием.",
     ("located_in", "Омск", "Сибирь")),
    ("Rosario, a city in central Argentina, hosted the wedding.", ("located_in", "Rosario", "Argentina")),
    # a region word after the place, hung from the same word; a region's name in the genitive
    ("Число погибших в Портапике близ Галифакса в канадской провинции Новая Шотландия достигло 16 человек.",
     ("located_in", "Портапик", "Новая Шотландия")),
    ("Он родился в Уфе в Республике Башкортостан.", ("located_in", "Уфа", "Республика Башкортостан")),
    ("Он живёт во Фрунзенском районе Москвы.", ("located_in", "Фрунзенский район", "Москва")),
    # a part of a whole: "входит в состав", "входящее в структуру"
    ("Макао входит в состав Китая.", ("located_in", "Макао", "Китай")),
    ("В 2015 году Международное агентство по изучению рака, входящее в структуру Всемирной организации "
     "здравоохранения, классифицировало глифосат как канцероген.",
     ("member_of", "Международное агентство по изучению рака", "Всемирная организация здравоохранения")),
    # a party's candidate is its member
    ("Тулси Габбард в четверг завершила борьбу за президентскую номинацию от Демократической партии.",
     ("member_of", "Тулси Габбард", "Демократическая партия")),
    ("Joe Biden, the Democratic Party's nominee, won the election.", ("member_of", "Joe Biden", "Democratic Party")),
    # a line that ends in a colon is parsed apart from the sentence on the next line
    ("В официальном некрологе говорится:\nЛи Пэн был превосходным членом Коммунистической партии Китая.",
     ("member_of", "Ли Пэн", "Коммунистическая партия Китая")),
    # located (not based): where a thing lies, said of it or of the predicate noun it is
    ("The Northern Institute of Mining is a public research university located in Perm Krai.",
     ("located_in", "Northern Institute of Mining", "Perm Krai")),
    ("Северный горный институт расположен в Пермском крае.",
     ("located_in", "Северный горный институт", "Пермский край")),
    ("Kama Steel is a steel company based in Chusovoy.", ("headquartered_in", "Kama Steel", "Chusovoy")),
    # a founding congress held on a date; a seat named before the word headquarters
    ("The Tula Workers' Union held its founding congress on 4 May 2009.",
     ("founded_on", "Tula Workers' Union", "2009-05-04")),
    ("Police searched the Samara headquarters of Kama Steel on Friday.", ("headquartered_in", "Kama Steel", "Samara")),
    # a kind of organisation said to be a country's, or one of a country's
    ("Kama Steel is Russia's largest steel company.", ("located_in", "Kama Steel", "Russia")),
    ("Kama Bank, Russia's third-largest lender, raised its rates.", ("located_in", "Kama Bank", "Russia")),
    ("Северный горный университет — один из старейших вузов России.",
     ("located_in", "Северный горный университет", "Россия")),
])
def test_a_structure_states_the_relation(models, text, fact):
    assert fact in _stated(models, text)


@pytest.mark.models
@pytest.mark.parametrize("text", [
    "Он поехал из Донецка в Москву.",  # a journey
    "Митинг прошёл в Москве в Кремле.",  # two places, neither said to be the larger
    "Он переехал из Москвы в Московскую область.",
    "Drilling takes place in Eastern Siberia, the Tomsk region, and Africa.",  # a list of places
    "Отделения есть в Ленинградской и Белгородской областях, Краснодарском крае, Республике Карелии.",
])
def test_no_place_in_a_place(models, text):
    assert not {f for f in _stated(models, text) if f[0] == "located_in"}


@pytest.mark.models
@pytest.mark.parametrize("text, leader", [
    ("Olga Rybina, the financial director of Severstal, presented the annual report.", None),
    ("Ivan Petrov, the deputy chairman of Sibur, answered questions from reporters.", None),
    ("Финансовый директор «Северстали» Ольга Рыбина представила годовой отчёт.", None),
    ("Olga Rybina, the director of Severstal, presented the annual report.", ("Olga Rybina", "Severstal")),
    ("Директор «Северстали» Ольга Рыбина представила годовой отчёт.", ("Ольга Рыбина", "Северсталь")),
    # the chairman of a company's board (of directors, of trustees) leads the company; the deputy does not
    ("Председатель совета директоров «Северстали» Иван Петров ушёл в отставку.", ("Иван Петров", "Северсталь")),
    ("Заместитель председателя совета директоров «Северстали» Иван Петров ушёл в отставку.", None),
    ("Ivan Petrov, the chairman of the board of trustees of the Orion Foundation, resigned.",
     ("Ivan Petrov", "Orion Foundation")),
])
def test_a_title_another_word_makes_lesser_leads_nothing(models, text, leader):
    leads = {(head, tail) for kind, head, tail in _stated(models, text) if kind == "leader_of"}
    assert leads == ({leader} if leader else set())


@pytest.mark.models
@pytest.mark.parametrize("text, seats", [
    ("Volga Tractor Works is headquartered in the Kirovsky District of Samara.", {("Volga Tractor Works", "Samara")}),
    ("Штаб-квартира компании «Волжский тракторный завод» находится в Кировском районе Самары.",
     {("Волжский тракторный завод", "Самара")}),
])
def test_a_seat_is_a_city_not_a_district_of_it(models, text, seats):
    assert {(head, tail) for kind, head, tail in _stated(models, text) if kind == "headquartered_in"} == seats


@pytest.mark.models
@pytest.mark.parametrize("text, leaders", [
    ("Председатель правления «Сибура» Иван Петров, члены правления Анна Лис и Олег Крот подписали договор.",
     {("Иван Петров", "Сибур")}),  # the names after another title are that title's
    ("Сопредседатели движения «Солидарность» Иван Петров и Анна Лис провели пресс-конференцию.",
     {("Иван Петров", "Солидарность"), ("Анна Лис", "Солидарность")}),  # a title for each
])
def test_a_leader_s_title_goes_with_its_own_names(models, text, leaders):
    assert {(head, tail) for kind, head, tail in _stated(models, text) if kind == "leader_of"} == leaders


@pytest.mark.models
@pytest.mark.parametrize("text", [
    "A company based in Chusovoy bought Kama Steel last year.",  # the participle describes another company
    "The festival located in a park of Kazan drew large crowds to Gorky Park.",
])
def test_a_participle_speaks_of_its_noun_not_of_the_sentence(models, text):
    assert not {fact for fact in _stated(models, text) if fact[0] in ("located_in", "headquartered_in")
                and fact[1] in ("Kama Steel", "Gorky Park")}


@pytest.mark.models
@pytest.mark.parametrize("text", [
    "Kama Steel bought Russia's largest steel company last year.",  # the company bought is Russia's
    "Kama Steel is Russia's main rival in the region.",  # a rival is no kind of organisation
])
def test_a_country_beside_another_noun_locates_nothing(models, text):
    assert not {fact for fact in _stated(models, text) if fact[0] == "located_in"}
