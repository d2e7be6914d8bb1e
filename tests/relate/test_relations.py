"""Relations: a table of English and Russian sentences with the facts they state, and ones that state none."""

from __future__ import annotations

import pytest

from pipeline import InputDocument, Meta, process_documents, process_text

pytestmark = pytest.mark.models


@pytest.fixture
def relations_of(models):
    def run(text: str, published: str | None = "2011-05-01") -> set[tuple[str, str, str]]:
        doc = process_text(text, models=models, published=published)
        by_id = {m.id: m for m in doc.mentions}
        return {(r.type, by_id[r.head].text, by_id[r.tail].value or by_id[r.tail].text) for r in doc.relations}

    return run


STATED = [
    ("The Left Socialist Alliance was founded on 12 May 2009 in Kazan.",
     {("founded_on", "Left Socialist Alliance", "2009-05-12")}),
    ("The Russian Socialist Movement was officially created on 7 March 2011 by the fusion of Vpered and "
     "Sotsialisticheskoye Soprotivleniye (Socialist Resistance).",
     {("founded_on", "Russian Socialist Movement", "2011-03-07"),
      ("merged_into", "Vpered", "Russian Socialist Movement"),
      ("merged_into", "Sotsialisticheskoye Soprotivleniye", "Russian Socialist Movement"),
      # the translation in brackets is the same organisation: one more name of it, and the same fact
      ("alias_of", "Socialist Resistance", "Sotsialisticheskoye Soprotivleniye"),
      ("merged_into", "Socialist Resistance", "Russian Socialist Movement")}),
    ("The Russian Socialist Movement held a congress. In April 2011, the Perm branch of the Revolutionary Workers' "
     "Party also joined.",
     {("joined", "Revolutionary Workers' Party", "Russian Socialist Movement"),
      ("joined_on", "Revolutionary Workers' Party", "2011-04"),
      ("has_branch_in", "Revolutionary Workers' Party", "Perm")}),
    ("The Left Front has regional branches in Moscow, Kaluga and Saratov.",
     {("has_branch_in", "Left Front", "Moscow"), ("has_branch_in", "Left Front", "Kaluga"),
      ("has_branch_in", "Left Front", "Saratov")}),
    ("The Russian Socialist Movement publishes the newspaper Socialist.",
     {("publishes", "Russian Socialist Movement", "Socialist")}),
    ("Российское социалистическое движение было создано 7 марта 2011 года путём объединения организаций "
     "«Вперёд» и «Социалистическое сопротивление».",
     {("founded_on", "Российское социалистическое движение", "2011-03-07"),
      ("merged_into", "Вперёд", "Российское социалистическое движение"),
      ("merged_into", "Социалистическое сопротивление", "Российское социалистическое движение")}),
    ("В апреле 2011 года пермское отделение Революционной рабочей партии присоединилось к Российскому "
     "социалистическому движению.",
     {("joined", "Революционной рабочей партии", "Российскому социалистическому движению"),
      ("joined_on", "Революционной рабочей партии", "2011-04")}),
    ("Штаб-квартира Левого фронта находится в Москве.", {("headquartered_in", "Левого фронта", "Москве")}),
    ("Газету «Социалист», которую издаёт Российское социалистическое движение, раздавали на пикете.",
     {("publishes", "Российское социалистическое движение", "Социалист")}),
    ("На конференции выступили делегаты Федерации социалистической молодёжи из Санкт-Петербурга.",
     {("headquartered_in", "Федерации социалистической молодёжи", "Санкт-Петербурга")}),
    ("Лига «Вперёд» долгое время была российской секцией Четвёртого интернационала.",
     {("member_of", "Лига «Вперёд»", "Четвёртого интернационала")}),
    ("Активисты защищали Сиверский лес в Ленинградской области.",
     {("located_in", "Сиверский лес", "Ленинградской области")}),
]

NOTHING = [
    "Representatives of the Left Front and the Russian Socialist Movement met in Moscow.",
    "Newspapers mentioned the Russian Socialist Movement on 7 March 2011.",
    "Its branches have opened in many cities of Russia this year.",
    "Vpered criticised the Fourth International in 2010.",
    "Активисты приехали из Донецка в Москву.",
    "Делегат Левого фронта выступил на конференции Российского социалистического движения.",
    "Сотрудники посольства Японии в Лаосе провели встречу.",
]


@pytest.mark.parametrize("text, facts", STATED, ids=lambda x: x[:40] if isinstance(x, str) else "")
def test_sentences_state_their_facts(relations_of, text, facts):
    assert relations_of(text) == facts


@pytest.mark.parametrize("text", NOTHING, ids=lambda x: x[:40])
def test_sentences_that_state_nothing_yield_nothing(relations_of, text):
    assert relations_of(text) == set()


def _facts(models, text: str):
    (doc,), _, facts = process_documents(models, [InputDocument(id="t", path="t", sha256="", text=text, meta=Meta())])
    return doc, facts


def test_implicit_object_is_the_documents_main_organisation_and_says_so(models):
    text = ("The Russian Socialist Movement grew quickly. The Russian Socialist Movement held a congress. "
            "Later the Union of Tula Workers also joined.")
    doc, facts = _facts(models, text)
    joined = [r for r in doc.relations if r.type == "joined"]
    assert len(joined) == 1 and "main organisation" in joined[0].pattern
    assert [(f.subject, f.predicate, f.object) for f in facts] == [
        (next(m.entity for m in doc.mentions if m.text == "Union of Tula Workers"), "joined",
         "org:russian-socialist-movement")]
    assert facts[0].evidence[0].text.endswith("also joined.")


def test_coarser_founding_date_folds_into_the_precise_one(models):
    text = ("The Russian Socialist Movement was created in 2011. The Russian Socialist Movement was officially "
            "created on 7 March 2011 at a conference.")
    _, facts = _facts(models, text)
    assert [(f.predicate, f.object, len(f.evidence)) for f in facts] == [("founded_on", "date:2011-03-07", 2)]


def test_a_page_that_opens_with_another_name_still_refers_to_the_organisation_it_names_far_most(relations_of):
    # a copied page opens with a site's name, then is about Kama Steel
    text = ("Northwind Media Group\n\nKama Steel is a steel maker. Kama Steel employs 4,000 people. Kama Steel exports "
            "to Asia.\nThe company was founded in 1879.")
    assert ("founded_on", "Kama Steel", "1879") in relations_of(text)
    # named not even twice as often as the other, it is not taken for the page's subject
    even = ("Northwind Media Group\n\nKama Steel makes steel. Northwind Media Group lists Kama Steel. Kama Steel "
            "exports to Asia.\nThe company was founded in 1879.")
    assert not {f for f in relations_of(even) if f[0] == "founded_on"}


@pytest.mark.parametrize("last, leader", [
    ("CEO Ivan Petrov said profits fell.", ("Ivan Petrov", "Kama Steel")),
    ("Ivan Petrov, the chief executive, said profits fell.", ("Ivan Petrov", "Kama Steel")),
    ("President Ivan Petrov said profits fell.", None),  # a president may be a country's
    ("Severstal CEO Ivan Petrov said profits fell.", ("Ivan Petrov", "Severstal")),  # the company named
    ("CEO Ivan Petrov left for Severstal.", None),  # another company in the sentence: which one is unsaid
])
def test_a_company_title_without_a_company_is_the_texts_companys(relations_of, last, leader):
    text = f"Kama Steel cut jobs in Perm. Kama Steel shut a plant. {last}"
    leads = {(head, tail) for kind, head, tail in relations_of(text) if kind == "leader_of"}
    assert leads == ({leader} if leader else set())


def test_a_russian_general_director_without_a_company_is_the_texts_companys(relations_of):
    text = "«Северсталь» сократила штат. «Северсталь» закрыла завод. Генеральный директор Иван Петров заявил о росте."
    assert ("leader_of", "Иван Петров", "Северсталь") in relations_of(text)


def test_the_party_of_a_clause_whose_subject_is_another_party_is_that_one(relations_of):
    opening = "Kama Steel cut jobs. Kama Steel shut a plant. "
    founded = relations_of(opening + "The People's Alliance party was founded on 15 December 2012 at the party's "
                                     "founding congress.")
    assert {f for f in founded if f[0] == "founded_on"} == {("founded_on", "People's Alliance", "2012-12-15")}
    # another party named in an apposition is not the clause's subject: "the company" is the text's
    elected = relations_of(opening + "Ivan Petrov, grandson of a leader of the Perm Alliance, was elected chairman "
                                     "of the company.")
    assert ("leader_of", "Ivan Petrov", "Kama Steel") in elected
