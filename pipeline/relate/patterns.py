"""How the contract's relations are written, in English and Russian, as patterns over sentence templates.

A template is the sentence with each mention replaced by ⟨LABELn⟩ (n = its index in the sentence), so a
pattern says what stands between the names: "⟨ORG0⟩ was created on ⟨DATE1⟩ by the fusion of ⟨ORG2⟩ and ⟨ORG3⟩".
Groups: `head` and `tail` name one mention each; `heads`/`tails` a list of them ("⟨LOC1⟩, ⟨LOC2⟩ and ⟨LOC3⟩").
A role whose group is absent or empty is the document's main organisation ("It was created…", "its
headquarters are in…"), and the relation says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ORG, LOC, PER, DATE = (rf"⟨{x}\d+⟩" for x in ("ORG", "LOC", "PER", "DATE"))  # a name's slot in a template
_GAP = r"[^⟨.;]"  # text between names, within one clause
_PAREN = r"(?:\s*\([^()]*\))?"
_LIST_LOC = rf"{LOC}(?:(?:,\s*|\s+(?:and|и)\s+|,\s*(?:and|а также|и)\s+){LOC})*"
_LIST_ORG = rf"[«\"]?{ORG}[^.;:]*"  # names up to the end of the clause; brackets, appositions, relative clauses dropped
_NAMES = rf"[«\"]?{ORG}[»\"]?(?:(?:,\s*|\s+(?:and|и)\s+)[«\"]?{ORG}[»\"]?)+"  # only names and "and" between them


@dataclass(frozen=True)
class Pattern:
    """One way a relation is written; `name` is shown on every relation it produces."""

    name: str
    type: str
    lang: str
    regex: re.Pattern[str]
    date_also: str | None = None  # a second relation to the sentence's date: joined -> joined_on


def _pattern(name: str, type_: str, lang: str, regex: str, date_also: str | None = None) -> Pattern:
    compiled = re.compile(regex)
    return Pattern(name, type_, lang, compiled, date_also)


PATTERNS: list[Pattern] = [
    # founded_on
    _pattern("en:created-on", "founded_on", "en",
       rf"(?P<head>{ORG}){_GAP}{{0,60}}?\b(?:was|were|has been|had been)\s+(?:officially\s+|formally\s+)?"
       rf"(?:created|founded|established|formed|set up|launched)\b{_GAP}{{0,80}}?(?P<tail>{DATE})"),
    _pattern("en:it-was-created", "founded_on", "en",
       rf"^(?:It|The (?:organisation|organization|movement|party|group|union))\s+(?:was|were)\s+(?:officially\s+)?"
       rf"(?:created|founded|established|formed)\b{_GAP}{{0,60}}?(?P<tail>{DATE})"),
    _pattern("en:founded-in", "founded_on", "en", rf"(?P<head>{ORG}),?\s+(?:founded|created|established)\s+(?:in|on)\s+(?P<tail>{DATE})"),
    _pattern("ru:создано", "founded_on", "ru",
       rf"(?P<head>{ORG})»?{_GAP}{{0,60}}?\b(?:был[аио]?\s+)?(?:создан|основан|учрежд[её]н|образован)\w*\b{_GAP}{{0,60}}?(?P<tail>{DATE})"),
    _pattern("ru:учредительная-конференция", "founded_on", "ru",
       rf"(?:(?P<tail>{DATE}){_GAP}{{0,80}}?)?[Уу]чредительн\w+\s+(?:конференци\w+|съезд\w*)\s+(?P<head>{ORG})"
       rf"(?(tail)|{_GAP}{{0,60}}?(?P<tail2>{DATE}))"),
    # merged_into
    _pattern("en:created-by-fusion-of", "merged_into", "en",
       rf"(?P<tail>{ORG}){_PAREN}[^.;]{{0,120}}?\b(?:created|formed|founded|established|born)\b[^.;]{{0,120}}?\bby (?:the )?"
       rf"(?:fusion|merger|merging|unification|amalgamation) of (?:the )?(?P<heads>{_LIST_ORG})"),
    _pattern("en:merged-into", "merged_into", "en",
       rf"(?P<heads>{_NAMES})\s+(?:merged|were merged|united|amalgamated)\s+(?:in)?to\s+(?:form\s+)?(?:the\s+)?(?P<tail>{ORG})"),
    _pattern("ru:путём-слияния", "merged_into", "ru",
       rf"(?:(?P<tail>{ORG})»?[^.;]{{0,80}}?)?\b(?:путём|путем|в результате)\s+(?:слияния|объединения)\s+"
       rf"(?:[а-яё]+\s+){{0,2}}?(?P<heads>{_LIST_ORG})"),
    _pattern("ru:вошли-в-него", "merged_into", "ru",
       rf"В (?:него|неё|нее) вошли\b[^⟨.;]{{0,60}}?(?P<heads>{_LIST_ORG})"),
    _pattern("ru:объединились-в", "merged_into", "ru",
       rf"(?P<heads>{_NAMES})\s+(?:объединились|слились)\s+в\s+(?P<tail>{ORG})"),
    # joined (+ joined_on when the sentence has a date)
    _pattern("en:joined", "joined", "en",
       rf"(?P<head>{ORG}){_GAP}{{0,30}}?\b(?:also\s+)?(?:joined|became part of)\b(?:\s+(?:the\s+)?(?P<tail>{ORG}))?",
       date_also="joined_on"),
    _pattern("ru:присоединилось-к", "joined", "ru",
       rf"(?P<head>{ORG})»?{_GAP}{{0,40}}?\b(?:присоединил\w*|вступил\w*|вошл[аои]|вош[её]л)\s+(?:к|в)\s+(?:состав\s+)?(?P<tail>{ORG})",
       date_also="joined_on"),
    _pattern("ru:к-нам-присоединилось", "joined", "ru",
       rf"к (?:нам|движению|организации)\s+присоединил\w*\s+{_GAP}{{0,40}}?(?P<head>{ORG})", date_also="joined_on"),
    # has_branch_in
    _pattern("en:branch-of", "has_branch_in", "en", rf"(?P<tail>{LOC}) branch(?:es)? of (?:the )?(?P<head>{ORG})"),
    _pattern("en:branches-in", "has_branch_in", "en",
       rf"(?:(?P<head>{ORG}){_GAP}{{0,80}}?)?\bbranch(?:es)?\b{_GAP}{{0,60}}?\bin (?P<tails>{_LIST_LOC})"),
    _pattern("ru:отделения-в", "has_branch_in", "ru",
       rf"(?:(?P<head>{ORG})»?{_GAP}{{0,80}}?)?\b(?:отделени\w+|филиал\w+|ячейк\w+)\b(?:\s+(?P<head2>{ORG}))?{_GAP}{{0,60}}?"
       rf"\b(?:в|во)\s+(?P<tails>{_LIST_LOC})"),
    # member_of / affiliated_with
    _pattern("en:section-of", "member_of", "en",
       rf"(?P<head>{ORG})\s*\((?:{ORG},\s*)?[^()⟨]*?\bsection of (?:the )?(?P<tail>{ORG})"),
    _pattern("en:member-of", "member_of", "en",
       rf"(?P<head>{ORG}),?\s+(?:is|was|became|has become)\s+(?:a |the )?(?:full\s+)?(?:member|section|affiliate) of (?:the )?(?P<tail>{ORG})"),
    _pattern("ru:секция", "member_of", "ru",
       rf"(?P<head>{ORG})»?,\s+(?:российск\w+\s+)?секци\w+\s+(?P<tail>{ORG})"),
    _pattern("ru:была-секцией", "member_of", "ru",
       rf"(?P<head>{ORG})»?{_GAP}{{0,40}}?\b(?:был[аио]?|является|являлась|являлось|стал[аио]?)\s+(?:российской\s+)?секци\w+\s+(?P<tail>{ORG})"),
    _pattern("en:within-which-section-of", "affiliated_with", "en",
       rf"\bwithin (?:the )?(?P<head>{ORG}),?\s+which\b[^.;]*?\bsection of (?:the )?(?P<tail>{ORG})"),
    _pattern("ru:члены-внутри", "affiliated_with", "ru",
       rf"(?:сторонник\w+|член\w+|секци\w+)\s+(?P<tail>{ORG})[^.;]*?\bвнутри\s+(?P<head>{ORG})"),
    _pattern("ru:внутри-члены", "affiliated_with", "ru",
       rf"\bвнутри\s+(?P<head>{ORG})[^.;]*?\b(?:сторонник\w+|член\w+|секци\w+)\s+(?P<tail>{ORG})"),
    _pattern("ru:в-нашем-движении-сторонники", "affiliated_with", "ru",
       rf"\b(?:[Вв]|[Вв]нутри)\s+(?:нашем|нашего|новом|нового|самом|самого)\s+(?:движени\w+|организаци\w+)\b[^⟨.;]*?"
       rf"\b(?:сторонник\w+|член\w+)\s+(?P<tail>{ORG})"),
    _pattern("en:representative-of", "affiliated_with", "en",
       rf"representatives?\s+(?:of|from)\s+(?:the\s+)?(?P<tail>{ORG}){_GAP}{{0,60}}?\b(?:in|into|to)\s+(?:the\s+|its\s+|our\s+)?"
       rf"(?:Central Council|Executive Committee|governing bod\w+|leadership)(?:\s+of\s+(?:the\s+)?(?P<head>{ORG}))?"),
    _pattern("en:council-representative-of", "affiliated_with", "en",
       rf"(?:Central Council|Executive Committee)\s+representatives?\s+of\s+(?:the\s+)?(?P<tail>{ORG})"),
    _pattern("en:include-in-its-committee", "affiliated_with", "en",
       rf"(?P<tail>{ORG}){_GAP}{{0,30}}?\bwill include in its (?:Executive Committee|Central Council|governing bod\w+)"),
    _pattern("ru:представитель-в-совет", "affiliated_with", "ru",
       rf"[Пп]редставител\w+\s+(?P<tail>{ORG}){_GAP}{{0,60}}?\b(?:в|во)\s+(?:свой\s+|наш\w*\s+)?(?:[Цц]ентральн\w+ совет\w*|"
       rf"[Ии]сполком\w*|[Ии]сполнительн\w+ комитет\w*|руководящ\w+ орган\w*)(?:\s+(?P<head>{ORG}))?"),
    _pattern("ru:включит-в-свой", "affiliated_with", "ru",
       rf"(?P<tail>{ORG}){_GAP}{{0,40}}?\bвключ\w+\s+в\s+сво[йеюи]\s+(?:[Ии]сполком|[Цц]ентральн\w+ совет|руководств\w*)\w*"
       rf"{_GAP}{{0,30}}?представител\w+\s+(?P<head>{ORG})"),
    # headquartered_in / located_in
    _pattern("en:headquartered-in", "headquartered_in", "en",
       rf"(?P<head>{ORG}){_GAP}{{0,30}}?\b(?:is |are |was )?(?:headquartered|based) in (?P<tail>{LOC})"),
    _pattern("en:headquarters-in", "headquartered_in", "en",
       rf"\b(?:[Hh]eadquarters|[Hh]ead office)\s+(?:of\s+(?:the\s+)?(?P<head>{ORG})\s+)?(?:is |are |was |were )?"
       rf"(?:located |situated )?in (?P<tail>{LOC})"),
    _pattern("en:from", "headquartered_in", "en", rf"(?P<head>{ORG}) from (?P<tail>{LOC})"),
    _pattern("ru:штаб-квартира", "headquartered_in", "ru",
       rf"[Шш]таб-квартир\w+\s+(?:(?P<head>{ORG})\s+)?(?:{_GAP}{{0,30}}?)(?:в|во)\s+(?P<tail>{LOC})"),
    _pattern("ru:руководство-находится", "headquartered_in", "ru",
       rf"[Рр]уководство\s+(?:(?P<head>{ORG})\s+)?(?:движения\s+)?(?:находится|располагается|работает)\s+(?:в|во)\s+(?P<tail>{LOC})"),
    _pattern("ru:из", "headquartered_in", "ru", rf"(?P<head>{ORG})»?\s+из\s+(?P<tail>{LOC})"),
    _pattern("located:comma", "located_in", "*", rf"(?<!⟩, )(?<!⟩ и )(?<!⟩ and )(?P<head>{LOC}),\s+(?P<tail>{LOC})(?!\s*(?:,|and|и|or|или)\s*{LOC})"),
    _pattern("ru:в-области", "located_in", "ru", rf"(?P<head>{LOC})\s+(?:в|во)\s+(?P<tail>{LOC})"),
    # leader_of, publishes
    _pattern("en:leader-of", "leader_of", "en",
       rf"(?P<head>{PER}),\s+(?:the\s+)?(?:leader|chairman|chairwoman|chair|president|head|coordinator) of (?:the )?(?P<tail>{ORG})"),
    _pattern("en:leader-of-name", "leader_of", "en",
       rf"(?:leader|chairman|chairwoman|president|head|coordinator) of (?:the )?(?P<tail>{ORG}),?\s+(?P<head>{PER})"),
    _pattern("ru:лидер", "leader_of", "ru",
       rf"(?:лидер|председател|руководител|координатор)\w*\s+(?P<tail>{ORG})»?,?\s+(?P<head>{PER})"),
    _pattern("ru:лидер-после", "leader_of", "ru",
       rf"(?P<head>{PER}),\s+(?:лидер|председатель|руководитель|координатор)\w*\s+(?P<tail>{ORG})"),
    _pattern("en:publishes", "publishes", "en",
       rf"(?P<head>{ORG})\s+(?:also\s+)?(?:publishes|published|issues|produces)\s+(?:the |a |its )?"
       rf"(?:newspaper|magazine|journal|bulletin)?\s*«?(?P<tail>{ORG})"),
    _pattern("en:published-by", "publishes", "en",
       rf"(?:newspaper|magazine|journal)\s+(?P<tail>{ORG}),?\s+(?:published|issued)\s+by\s+(?:the\s+)?(?P<head>{ORG})"),
    _pattern("ru:которую-издаёт", "publishes", "ru",
       rf"(?:[Гг]азет|[Жж]урнал)\w*\s+«?(?P<tail>{ORG})»?,?\s+(?:которую|который|которая)\s+(?:издаёт|издает|выпускает|публикует)\s+"
       rf"(?P<head>{ORG})"),
    _pattern("ru:издаёт-газету", "publishes", "ru",
       rf"(?P<head>{ORG})»?\s+(?:издаёт|издает|выпускает)\s+(?:газету|журнал)\s+«?(?P<tail>{ORG})"),
    _pattern("ru:печатный-орган", "publishes", "ru",
       rf"[Пп]ечатн\w+\s+орган\w*\s+(?:(?P<head>{ORG})\s+)?{_GAP}{{0,30}}?(?:газет|журнал)\w*\s+«?(?P<tail>{ORG})"),
]
