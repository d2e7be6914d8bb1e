"""Russian names to the nominative from hand-tagged words: the head and its agreeing words change, the rest stays."""

import pytest

from pipeline.normalise.nominative import Word, nominative


def feats(case: str, gender: str | None = None, number: str = "Sing") -> dict[str, str]:
    """UD features as the tagger writes them."""
    return {"Case": case, "Number": number, **({"Gender": gender} if gender else {})}


@pytest.mark.parametrize("words, expected", [
    ([Word("Социалистической", "ADJ", feats("Gen", "Fem"), " "), Word("лиги", "NOUN", feats("Gen", "Fem"))],
     "Социалистическая лига"),
    ([Word("Министерством", "NOUN", feats("Ins", "Neut"), " "),
      Word("иностранных", "ADJ", feats("Gen", None, "Plur"), " "), Word("дел", "NOUN", feats("Gen", "Neut", "Plur"))],
     "Министерство иностранных дел"),  # the genitive dependents stay
    ([Word("Генеральной", "ADJ", feats("Gen", "Fem"), " "), Word("Ассамблеи", "PROPN", feats("Gen", "Fem"), " "),
      Word("ООН", "PROPN", feats("Gen", "Fem"))],
     "Генеральная Ассамблея ООН"),  # the abbreviation stays
    ([Word("партии", "NOUN", feats("Dat", "Fem"), " "), Word("«", "PUNCT", {}),
      Word("Единая", "ADJ", feats("Nom", "Fem"), " "), Word("Россия", "PROPN", feats("Nom", "Fem")),
      Word("»", "PUNCT", {})],
     "партия «Единая Россия»"),  # the quoted name stays as written
    ([Word("Вооружёнными", "ADJ", feats("Ins", None, "Plur"), " "),
      Word("силами", "NOUN", feats("Ins", "Fem", "Plur"), " "), Word("России", "PROPN", feats("Gen", "Fem"))],
     "Вооружённые силы России"),  # a plural name stays plural
    ([Word("газеты", "NOUN", {"Case": "Gen", "Number": "Sing"}, " "), Word("«", "PUNCT", {}),
      Word("Социалиста", "PROPN", {"Case": "Gen"}), Word("»", "PUNCT", {})],
     "газета «Социалиста»"),  # a genitive name in quotes stays genitive
])
def test_organisation_in_the_nominative(words, expected):
    assert nominative(words, "ORG") == expected


@pytest.mark.parametrize("words, expected", [
    ([Word("Нижнем", "ADJ", feats("Loc", "Masc"), " "), Word("Новгороде", "PROPN", feats("Loc", "Masc"))],
     "Нижний Новгород"),
    ([Word("Ростове-на-Дону", "PROPN", feats("Loc", "Masc"))], "Ростов-на-Дону"),
    ([Word("Соединённых", "ADJ", feats("Gen", None, "Plur"), " "),
      Word("Штатов", "PROPN", feats("Gen", "Masc", "Plur"))],
     "Соединённые Штаты"),
])
def test_place_in_the_nominative(words, expected):
    assert nominative(words, "LOC") == expected


@pytest.mark.parametrize("words, expected", [
    ([Word("Владимиром", "PROPN", feats("Ins", "Masc"), " "), Word("Козловым", "PROPN", feats("Ins", "Masc"))],
     "Владимир Козлов"),
    ([Word("Анны", "PROPN", feats("Gen", "Fem"), " "), Word("Смирновой", "PROPN", feats("Gen", "Fem"))],
     "Анна Смирнова"),
    ([Word("Марии", "PROPN", feats("Dat", "Fem"), " "), Word("Ивановне", "PROPN", feats("Dat", "Fem"), " "),
      Word("Петровой", "PROPN", feats("Dat", "Fem"))],
     "Мария Ивановна Петрова"),
    ([Word("В.", "PROPN", feats("Gen", "Masc"), " "), Word("В.", "PROPN", feats("Gen", "Masc"), " "),
      Word("Путина", "PROPN", feats("Gen", "Masc"))],
     "В. В. Путин"),  # initials stay
])
def test_person_in_the_nominative(words, expected):
    assert nominative(words, "PER") == expected
