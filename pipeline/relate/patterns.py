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

O, L, P, D = (rf"⟨{x}\d+⟩" for x in ("ORG", "LOC", "PER", "DATE"))
_GAP = r"[^⟨.;]"  # text between names, within one clause
_PAREN = r"(?:\s*\([^()]*\))?"
_LIST_LOC = rf"{L}(?:(?:,\s*|\s+(?:and|и)\s+|,\s*(?:and|а также|и)\s+){L})*"
_LIST_ORG = rf"[«\"]?{O}[^.;:]*"  # names up to the end of the clause; brackets, appositions, relative clauses dropped
_NAMES = rf"[«\"]?{O}[»\"]?(?:(?:,\s*|\s+(?:and|и)\s+)[«\"]?{O}[»\"]?)+"  # only names and "and" between them


@dataclass(frozen=True)
class Pattern:
    """One way a relation is written; `name` is shown on every relation it produces."""

    name: str
    type: str
    lang: str
    regex: re.Pattern[str]
    date_also: str | None = None  # a second relation to the sentence's date: joined -> joined_on


def _p(name: str, type_: str, lang: str, regex: str, date_also: str | None = None) -> Pattern:
    compiled = re.compile(regex)
    return Pattern(name, type_, lang, compiled, date_also)


PATTERNS: list[Pattern] = [
    # founded_on
    _p("en:created-on", "founded_on", "en",
       rf"(?P<head>{O}){_GAP}{{0,60}}?\b(?:was|were|has been|had been)\s+(?:officially\s+|formally\s+)?"
       rf"(?:created|founded|established|formed|set up|launched)\b{_GAP}{{0,80}}?(?P<tail>{D})"),
    _p("en:it-was-created", "founded_on", "en",
       rf"^(?:It|The (?:organisation|organization|movement|party|group|union))\s+(?:was|were)\s+(?:officially\s+)?"
       rf"(?:created|founded|established|formed)\b{_GAP}{{0,60}}?(?P<tail>{D})"),
    _p("en:founded-in", "founded_on", "en", rf"(?P<head>{O}),?\s+(?:founded|created|established)\s+(?:in|on)\s+(?P<tail>{D})"),
    _p("ru:создано", "founded_on", "ru",
       rf"(?P<head>{O})»?{_GAP}{{0,60}}?\b(?:был[аио]?\s+)?(?:создан|основан|учрежд[её]н|образован)\w*\b{_GAP}{{0,60}}?(?P<tail>{D})"),
    _p("ru:учредительная-конференция", "founded_on", "ru",
       rf"(?:(?P<tail>{D}){_GAP}{{0,80}}?)?[Уу]чредительн\w+\s+(?:конференци\w+|съезд\w*)\s+(?P<head>{O})"
       rf"(?(tail)|{_GAP}{{0,60}}?(?P<tail2>{D}))"),
    # merged_into
    _p("en:created-by-fusion-of", "merged_into", "en",
       rf"(?P<tail>{O}){_PAREN}[^.;]{{0,120}}?\b(?:created|formed|founded|established|born)\b[^.;]{{0,120}}?\bby (?:the )?"
       rf"(?:fusion|merger|merging|unification|amalgamation) of (?:the )?(?P<heads>{_LIST_ORG})"),
    _p("en:merged-into", "merged_into", "en",
       rf"(?P<heads>{_NAMES})\s+(?:merged|were merged|united|amalgamated)\s+(?:in)?to\s+(?:form\s+)?(?:the\s+)?(?P<tail>{O})"),
    _p("ru:путём-слияния", "merged_into", "ru",
       rf"(?:(?P<tail>{O})»?[^.;]{{0,80}}?)?\b(?:путём|путем|в результате)\s+(?:слияния|объединения)\s+"
       rf"(?:[а-яё]+\s+){{0,2}}?(?P<heads>{_LIST_ORG})"),
    _p("ru:вошли-в-него", "merged_into", "ru",
       rf"В (?:него|неё|нее) вошли\b[^⟨.;]{{0,60}}?(?P<heads>{_LIST_ORG})"),
    _p("ru:объединились-в", "merged_into", "ru",
       rf"(?P<heads>{_NAMES})\s+(?:объединились|слились)\s+в\s+(?P<tail>{O})"),
    # joined (+ joined_on when the sentence has a date)
    _p("en:joined", "joined", "en",
       rf"(?P<head>{O}){_GAP}{{0,30}}?\b(?:also\s+)?(?:joined|became part of)\b(?:\s+(?:the\s+)?(?P<tail>{O}))?",
       date_also="joined_on"),
    _p("ru:присоединилось-к", "joined", "ru",
       rf"(?P<head>{O})»?{_GAP}{{0,40}}?\b(?:присоединил\w*|вступил\w*|вошл[аои]|вош[её]л)\s+(?:к|в)\s+(?:состав\s+)?(?P<tail>{O})",
       date_also="joined_on"),
    _p("ru:к-нам-присоединилось", "joined", "ru",
       rf"к (?:нам|движению|организации)\s+присоединил\w*\s+{_GAP}{{0,40}}?(?P<head>{O})", date_also="joined_on"),
    # has_branch_in
    _p("en:branch-of", "has_branch_in", "en", rf"(?P<tail>{L}) branch(?:es)? of (?:the )?(?P<head>{O})"),
    _p("en:branches-in", "has_branch_in", "en",
       rf"(?:(?P<head>{O}){_GAP}{{0,80}}?)?\bbranch(?:es)?\b{_GAP}{{0,60}}?\bin (?P<tails>{_LIST_LOC})"),
    _p("ru:отделения-в", "has_branch_in", "ru",
       rf"(?:(?P<head>{O})»?{_GAP}{{0,80}}?)?\b(?:отделени\w+|филиал\w+|ячейк\w+)\b(?:\s+(?P<head2>{O}))?{_GAP}{{0,60}}?"
       rf"\b(?:в|во)\s+(?P<tails>{_LIST_LOC})"),
    # member_of / affiliated_with
    _p("en:section-of", "member_of", "en",
       rf"(?P<head>{O})\s*\((?:{O},\s*)?[^()⟨]*?\bsection of (?:the )?(?P<tail>{O})"),
    _p("en:member-of", "member_of", "en",
       rf"(?P<head>{O}),?\s+(?:is|was|became|has become)\s+(?:a |the )?(?:full\s+)?(?:member|section|affiliate) of (?:the )?(?P<tail>{O})"),
    _p("ru:секция", "member_of", "ru",
       rf"(?P<head>{O})»?,\s+(?:российск\w+\s+)?секци\w+\s+(?P<tail>{O})"),
    _p("ru:была-секцией", "member_of", "ru",
       rf"(?P<head>{O})»?{_GAP}{{0,40}}?\b(?:был[аио]?|является|являлась|являлось|стал[аио]?)\s+(?:российской\s+)?секци\w+\s+(?P<tail>{O})"),
    _p("en:within-which-section-of", "affiliated_with", "en",
       rf"\bwithin (?:the )?(?P<head>{O}),?\s+which\b[^.;]*?\bsection of (?:the )?(?P<tail>{O})"),
    _p("ru:члены-внутри", "affiliated_with", "ru",
       rf"(?:сторонник\w+|член\w+|секци\w+)\s+(?P<tail>{O})[^.;]*?\bвнутри\s+(?P<head>{O})"),
    _p("ru:внутри-члены", "affiliated_with", "ru",
       rf"\bвнутри\s+(?P<head>{O})[^.;]*?\b(?:сторонник\w+|член\w+|секци\w+)\s+(?P<tail>{O})"),
    _p("ru:в-нашем-движении-сторонники", "affiliated_with", "ru",
       rf"\b(?:[Вв]|[Вв]нутри)\s+(?:нашем|нашего|новом|нового|самом|самого)\s+(?:движени\w+|организаци\w+)\b[^⟨.;]*?"
       rf"\b(?:сторонник\w+|член\w+)\s+(?P<tail>{O})"),
    _p("en:representative-of", "affiliated_with", "en",
       rf"representatives?\s+(?:of|from)\s+(?:the\s+)?(?P<tail>{O}){_GAP}{{0,60}}?\b(?:in|into|to)\s+(?:the\s+|its\s+|our\s+)?"
       rf"(?:Central Council|Executive Committee|governing bod\w+|leadership)(?:\s+of\s+(?:the\s+)?(?P<head>{O}))?"),
    _p("en:council-representative-of", "affiliated_with", "en",
       rf"(?:Central Council|Executive Committee)\s+representatives?\s+of\s+(?:the\s+)?(?P<tail>{O})"),
    _p("en:include-in-its-committee", "affiliated_with", "en",
       rf"(?P<tail>{O}){_GAP}{{0,30}}?\bwill include in its (?:Executive Committee|Central Council|governing bod\w+)"),
    _p("ru:представитель-в-совет", "affiliated_with", "ru",
       rf"[Пп]редставител\w+\s+(?P<tail>{O}){_GAP}{{0,60}}?\b(?:в|во)\s+(?:свой\s+|наш\w*\s+)?(?:[Цц]ентральн\w+ совет\w*|"
       rf"[Ии]сполком\w*|[Ии]сполнительн\w+ комитет\w*|руководящ\w+ орган\w*)(?:\s+(?P<head>{O}))?"),
    _p("ru:включит-в-свой", "affiliated_with", "ru",
       rf"(?P<tail>{O}){_GAP}{{0,40}}?\bвключ\w+\s+в\s+сво[йеюи]\s+(?:[Ии]сполком|[Цц]ентральн\w+ совет|руководств\w*)\w*"
       rf"{_GAP}{{0,30}}?представител\w+\s+(?P<head>{O})"),
    # headquartered_in / located_in
    _p("en:headquartered-in", "headquartered_in", "en",
       rf"(?P<head>{O}){_GAP}{{0,30}}?\b(?:is |are |was )?(?:headquartered|based) in (?P<tail>{L})"),
    _p("en:headquarters-in", "headquartered_in", "en",
       rf"\b(?:[Hh]eadquarters|[Hh]ead office)\s+(?:of\s+(?:the\s+)?(?P<head>{O})\s+)?(?:is |are |was |were )?"
       rf"(?:located |situated )?in (?P<tail>{L})"),
    _p("en:from", "headquartered_in", "en", rf"(?P<head>{O}) from (?P<tail>{L})"),
    _p("ru:штаб-квартира", "headquartered_in", "ru",
       rf"[Шш]таб-квартир\w+\s+(?:(?P<head>{O})\s+)?(?:{_GAP}{{0,30}}?)(?:в|во)\s+(?P<tail>{L})"),
    _p("ru:руководство-находится", "headquartered_in", "ru",
       rf"[Рр]уководство\s+(?:(?P<head>{O})\s+)?(?:движения\s+)?(?:находится|располагается|работает)\s+(?:в|во)\s+(?P<tail>{L})"),
    _p("ru:из", "headquartered_in", "ru", rf"(?P<head>{O})»?\s+из\s+(?P<tail>{L})"),
    _p("located:comma", "located_in", "*", rf"(?<!⟩, )(?<!⟩ и )(?<!⟩ and )(?P<head>{L}),\s+(?P<tail>{L})(?!\s*(?:,|and|и|or|или)\s*{L})"),
    _p("ru:в-области", "located_in", "ru", rf"(?P<head>{L})\s+(?:в|во)\s+(?P<tail>{L})"),
    # leader_of, publishes
    _p("en:leader-of", "leader_of", "en",
       rf"(?P<head>{P}),\s+(?:the\s+)?(?:leader|chairman|chairwoman|chair|president|head|coordinator) of (?:the )?(?P<tail>{O})"),
    _p("en:leader-of-name", "leader_of", "en",
       rf"(?:leader|chairman|chairwoman|president|head|coordinator) of (?:the )?(?P<tail>{O}),?\s+(?P<head>{P})"),
    _p("ru:лидер", "leader_of", "ru",
       rf"(?:лидер|председател|руководител|координатор)\w*\s+(?P<tail>{O})»?,?\s+(?P<head>{P})"),
    _p("ru:лидер-после", "leader_of", "ru",
       rf"(?P<head>{P}),\s+(?:лидер|председатель|руководитель|координатор)\w*\s+(?P<tail>{O})"),
    _p("en:publishes", "publishes", "en",
       rf"(?P<head>{O})\s+(?:also\s+)?(?:publishes|published|issues|produces)\s+(?:the |a |its )?"
       rf"(?:newspaper|magazine|journal|bulletin)?\s*«?(?P<tail>{O})"),
    _p("en:published-by", "publishes", "en",
       rf"(?:newspaper|magazine|journal)\s+(?P<tail>{O}),?\s+(?:published|issued)\s+by\s+(?:the\s+)?(?P<head>{O})"),
    _p("ru:которую-издаёт", "publishes", "ru",
       rf"(?:[Гг]азет|[Жж]урнал)\w*\s+«?(?P<tail>{O})»?,?\s+(?:которую|который|которая)\s+(?:издаёт|издает|выпускает|публикует)\s+"
       rf"(?P<head>{O})"),
    _p("ru:издаёт-газету", "publishes", "ru",
       rf"(?P<head>{O})»?\s+(?:издаёт|издает|выпускает)\s+(?:газету|журнал)\s+«?(?P<tail>{O})"),
    _p("ru:печатный-орган", "publishes", "ru",
       rf"[Пп]ечатн\w+\s+орган\w*\s+(?:(?P<head>{O})\s+)?{_GAP}{{0,30}}?(?:газет|журнал)\w*\s+«?(?P<tail>{O})"),
]
