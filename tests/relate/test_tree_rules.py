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
])
def test_a_structure_states_the_relation(models, text, fact):
    assert fact in _stated(models, text)


@pytest.mark.models
def test_a_journey_is_no_place_in_a_place(models):
    assert not {f for f in _stated(models, "Он поехал из Донецка в Москву.") if f[0] == "located_in"}
