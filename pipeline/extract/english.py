"""English with spaCy: a tokenizer that undoes glued page layout, and "en_entities", our span conventions."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from spacy.attrs import IDX, LENGTH, LOWER, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..core.intervals import Spans
from ..core.resources import infobox_keys, words
from ..dates.english import MONTHS, WEEKDAYS
from .kinds import LABELS, head_kind, stated_kind, voted_labels, with_stated_kind
from .kinds import NAME_LABELS as _NAME_LABELS
from .layout import citation_spans, glue_points, heading_spans, key_spans
from .spans import copy_span, doc_text, make_span, set_entities, tokens_written, with_text
from .trained import ALONE, SPANS_KEY

_TRAINED_LABELS = {"PERSON", "ORG", "GPE"}  # what models/ner-en learnt (pipeline.tools.train_ner)
# a name of these labels that only the base model reads is dropped (see _candidates); its organisations are kept:
# short company names the tagger misses ("Kama Steel cut jobs") are the base model's strength
_DROPPED_ALONE = {"PERSON", "GPE", "LOC", "FAC"}
_LIST_WORDS = {",", ";", "and", "or"}
_BULLET_KEY = re.compile(r"[-*•–]\s*[^:\n]{1,60}:")
_LEADING = {"the", "The", "THE", "a", "an"}
_SPLIT_AT = {"(", ")", "[", "]", "{", "}", ";", "|", "«", "»", '"', "“", "”", "—", "–", ",", "/"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_DATE_SPLIT_AT = {"ended", "ending", "to", "through", "until", "and", "or", "between", "from"}
_SEASONS = {"spring", "summer", "autumn", "fall", "winter"}
# how often, not when ("an annual conference", "gather daily"): no date
_FREQUENCIES = {"annual", "annually", "daily", "weekly", "monthly", "yearly", "quarterly", "biannual", "nightly"}
# an age ("a 6-year-old boy", "52 years old"), not a date
_AGE = re.compile(r"(?i)^(?:an?\s+)?[\w.]+[-\s](?:year|month|week|day)s?[-\s]old$")
# adverbs that refer to the time of writing or before it (TimeML's PRESENT_REF, PAST_REF), dated by the resolver
_TIME_REFERENCES = {"now", "currently", "recently"}
_PERIOD_OPENERS = {"(", "in", "from", "during", "between", "since"}
_TITLES = {"secretary", "secretaries", "head", "heads", "minister", "ministers"}
_KIND_WORDS = frozenset(words("name_kind_words_en"))  # "party", "union", "league"
_NO_PERSON_END = _KIND_WORDS | {"forum", "law", "act", "congress", "bureau", "institute", "university", "company"}
_OPENING, _CLOSING = {'"', "“", "«"}, {'"', "”", "»"}
_ISO_DATE = re.compile(r"(?<![\d-])(?:1[5-9]\d\d|20\d\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])")
# Two years joined by a dash: a period from one to the other, one date ("2012–2013" = 2012/2013)
_YEAR_RANGE = re.compile(r"(1[5-9]\d\d|20\d\d)\s*[-–—]\s*(1[5-9]\d\d|20\d\d)")
_FEATURES = frozenset(words("name_features_en"))  # "forest", "river", "lake"
# a name that ends in an administrative division's word is a place ("Yuzhnoye Tushino District", "Perm Krai");
# not "County", which ends football clubs' names ("Ross County")
_DIVISIONS = {"district", "oblast", "krai", "province", "raion", "okrug", "region", "municipality"}
# no person's name ends in a facility's word: "Tolmachevo Airport" read as a person is a place
_FACILITIES = {"airport", "airfield", "station", "stadium", "arena", "port", "harbour", "harbor", "bridge", "square"}
# an organisation named with these words only is a body of another one ("the Central Committee", "Federal party
# Committee") or a page's field label or value ("Seats", "None"): no name
_GENERIC_BODY = frozenset(words("name_generic_body_en"))
_DATE_WORD = re.compile(
    r"\b(\d{4}|'?\d{1,3}0'?s|\d{1,2}(?:st|nd|rd|th) century|" + "|".join(MONTHS)
    + r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"day|days|week|weeks|month|months|year|years|decade|century|today|yesterday|tomorrow|tonight|now|"
    r"spring|summer|autumn|fall|winter|quarter|earlier|later|ago|recently|currently|present|past|future|"
    r"weekend|morning|evening|night|annual|fiscal)\b", re.I)
# Transliterated Russian adjectives open organisation and newspaper names ("Novaya Gazeta",
# "Sotsialisticheskoye Soprotivleniye"); no given name ends this way.
_RU_ADJECTIVE = re.compile(r"^[A-Z][a-z]+(?:skoye|skaya|skiye|skiy|skii|nyye|naya|noye|vaya|voye|vyye|yaya|oye)$")


class GlueSplittingTokenizer:
    """spaCy's tokenizer, then tokens glued by lost page layout ("LeaderArham") are split; text is unchanged."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        points = set(glue_points(text))
        for start, end in citation_spans(text):
            points.update((start, end))
            if start > 0 and text[start - 1] in ".,;:":
                points.add(start - 1)  # "Party.[1]": the sentence's full stop is not part of the name
        points = sorted(points)
        if not points:
            return with_text(doc, text)
        words: list[str] = []
        spaces: list[bool] = []
        cuts = iter(points)
        cut = next(cuts, None)
        for start, length, space in doc.to_array([IDX, LENGTH, SPACY]).tolist():  # no Token object per word
            end = start + length
            while cut is not None and cut <= start:
                cut = next(cuts, None)
            pieces = []
            while cut is not None and start < cut < end:
                pieces.append(text[start:cut])
                start = cut
                cut = next(cuts, None)
            pieces.append(text[start:end])
            for piece in pieces[:-1]:
                words.append(piece)
                spaces.append(False)
            words.append(pieces[-1])
            spaces.append(bool(space))
        return with_text(Doc(doc.vocab, words=words, spaces=spaces), text)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def to_bytes(self, **kwargs) -> bytes:
        return self.tokenizer.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs):
        self.tokenizer.from_bytes(data, **kwargs)
        return self


@Language.component("en_entities", requires=["doc.ents"], assigns=["doc.ents", "span._.source", "span._.lang"])
def en_entities(doc: Doc) -> Doc:
    """spaCy's entities in our labels and span conventions; page artefacts and non-names dropped."""
    text = doc_text(doc)
    artefacts = Spans(heading_spans(text) + citation_spans(text))
    keys = key_spans(text)
    spans: list[Span] = []
    for ent in _candidates(doc):
        label = LABELS.get(ent.label_)
        if ent.label_ == "CARDINAL" and _period(doc, ent):
            label = "DATE"  # "(2012–2013)": a period, not a number
        if label is None:
            continue
        if ent._.source is None:
            ent._.source = "spacy"
            ent._.lang = "en"
        for part in _split(doc, ent, label):
            part = _trim(doc, _past_key(doc, part, keys))
            if part is None or artefacts.covers(part.start_char, part.end_char) or not _is_name(part) \
                    or part.text.lower() in _FREQUENCIES or part.label_ == "DATE" and _AGE.match(part.text):
                continue
            if part.label_ == "DATE":
                part = _widen_day_range(doc, part)
            elif part.label_ == "PER" and _RU_ADJECTIVE.match(part[0].text) and len(part) > 1:
                part = copy_span(doc, part, part.start, part.end, "ORG")
            if part.label_ != "DATE":
                part = _geographic_feature(doc, part)
            spans.append(part)
    spans = _whole_iso_dates(doc, text, spans)
    spans += _time_references(doc, spans)
    set_entities(doc, _with_quoted_part(doc, [s for s in spans if not _title_word(doc, s)]))
    return doc


def _time_references(doc: Doc, spans: list[Span]) -> list[Span]:
    """"who now lives in Kabul", "currently has", "a recently announced venture": a date of the time of writing
    (or just before it), as TimeML marks them. Not "now" as a discourse word ("Now, he says ...") or a
    conjunction ("now that the talks failed"), nor "right now" / "just now" (a longer expression)."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    found = []
    for token in tokens_written(doc, _TIME_REFERENCES, LOWER):
        if token.i in taken:
            continue
        if token.lower_ == "now":
            following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
            before = doc[token.i - 1] if token.i else None
            opening = before is None or before.is_punct or "\n" in before.text or before.is_space
            if following == "that" or opening and following == "," or before is not None \
                    and before.lower_ in {"right", "just"}:
                continue
        found.append(make_span(doc, token.idx, token.idx + len(token), "DATE", "rule", "en"))
    return [s for s in found if s is not None]


def _whole_iso_dates(doc: Doc, text: str, spans: list[Span]) -> list[Span]:
    """"Registered: 1991-03-14": spaCy's model reads a date written the ISO way as five tokens and sometimes keeps
    "1991-03" of it, or nothing; the date is the whole of it."""
    for match in _ISO_DATE.finditer(text):
        a, b = match.span()
        touching = [s for s in spans if s.start_char < b and a < s.end_char]
        whole = doc.char_span(a, b)
        if whole is None or any(s.label_ != "DATE" or s.start_char < a or s.end_char > b for s in touching):
            continue  # a longer date ("1990-11-17 to 1991-03-14") or a name around it: as the model read it
        if not touching:
            spans.append(make_span(doc, a, b, "DATE", "rule", "en"))
        elif [(s.start_char, s.end_char) for s in touching] != [(a, b)]:
            spans = [s for s in spans if s not in touching] + [copy_span(doc, touching[0], whole.start, whole.end)]
    return spans


def _title_word(doc: Doc, span: Span) -> bool:
    """"State" in "Secretary of State", "Head of State": part of a title, no organisation."""
    return span.text == "State" and span.start >= 2 and doc[span.start - 1].lower_ == "of" \
        and doc[span.start - 2].lower_ in _TITLES


def _with_quoted_part(doc: Doc, spans: list[Span]) -> list[Span]:
    """An organisation's name goes on through a quoted name right after its kind word, whatever the models made
    of the quoted words: 'Russian United Democratic Party "Yabloko"', 'People's Freedom Party "For Russia
    without Lawlessness and Corruption"' are one name each."""
    out = sorted(spans, key=lambda s: s.start)
    for span in [s for s in out if s.label_ == "ORG" and s[-1].lower_ in _KIND_WORDS]:
        opening = span.end
        if opening + 1 >= len(doc) or doc[opening].text not in _OPENING or not doc[opening + 1].is_title:
            continue
        closing = next((t.i for t in doc[opening + 1:opening + 14] if t.text in _CLOSING or "\n" in t.text), None)
        if closing is None or doc[closing].text not in _CLOSING:
            continue
        merged = copy_span(doc, span, span.start, closing + 1)
        if merged is not None and span in out:
            out = [s for s in out if s is not span and not (span.start <= s.start and s.end <= closing + 1)]
            out.append(merged)
    return sorted(out, key=lambda s: s.start)


def _candidates(doc: Doc) -> list[Span]:
    """The base model's entities, weighed with the trained tagger's names (doc.spans["trained"]) where it ran.

    The tagger (trained on news: 0.91 F1 on CoNLL testa, the base model 0.66) decides where the two read the same
    names differently: its label on the very same words ("Reuters" is no person, "Giovanni" no place), its shorter
    name inside a base name that ran on into numbers or headline words ("Colin Montgomerie 442,201", "BALTIMORE AT
    SEATTLE"), its longer name over the shorter ones inside ("Bureau of Investigative Journalism" over "Bureau of
    Investigative"). Kept against it: a base name holding more capitalised words than the tagger's ("Parliament
    of Crimea", "Russian All-Peoples Union": the tagger learnt nationality words as no part of a name), names
    that cross the tagger's, a surname the document gives in full elsewhere ("Kozlovsky" after "Oleg Kozlovsky"), a
    "person" ending in an organisation's kind word ("Adam Smith Forum"), the base model's other labels (EVENT,
    LAW ...: the tagger never learnt them). In a table row or a list item's "key: value" line (page layout, where
    the tagger reads field labels as names: "Seats", "Orange Gold Black", "Youth Wing") only a longer name is
    taken. A tagger's name that opens with an infobox key ("Ideology", "HeadquartersMoscow"), runs across a line
    break or reads as a list ("Perm, Saratov and", "Vpered and Sotsialisticheskoye Soprotivleniye") is not
    taken.

    A person or place that only the base model reads, with no name of the tagger on any of its words, is dropped,
    unless it stands in a line of page layout or the sentence says what kind of thing it is (`kinds.stated_kind`,
    `kinds.head_kind`): on 40 Re-DocRED texts held back from training, this and the two steps below raised
    precision from 0.76 to 0.79 and cost 0.006 of recall (F1 0.739 -> 0.748). Its organisations stay (dropping
    them too gained 0.001 of F1 there and lost short company names: "Kama Steel cut jobs").
    Then each name takes the label the two models give its words most often in the document (`kinds.voted_labels`),
    and a kind the sentence states decides over both."""
    if SPANS_KEY not in doc.spans:
        return list(doc.ents)
    keys = _key_words()
    if doc.spans[SPANS_KEY].attrs.get(ALONE):  # one recognizer read them all: no second reading to weigh
        out = [e for e in doc.ents if e.label_ not in _TRAINED_LABELS or not _key_or_list(e, keys)]
        for ent in out:
            if ent._.source is None:
                ent._.source, ent._.lang = "model", "en"
        return [with_stated_kind(doc, e) for e in voted_labels(doc, out)]
    out = list(doc.ents)  # never overlapping, in order: a name taken replaces all those it overlaps
    starts, ends = [e.start for e in out], [e.end for e in out]
    text = doc_text(doc)
    surnames = {e[-1].text for e in out if e.label_ == "PERSON" and len(e) > 1}
    for span in doc.spans[SPANS_KEY]:
        if span.label_ not in _TRAINED_LABELS or "\n" in span.text or _key_or_list(span, keys) \
                or span.label_ == "PERSON" and span[-1].lower_ in _NO_PERSON_END:
            continue  # across a line break, or a person ending in a kind word ("Adam Smith Forum")
        first, last = span.start, span.end
        high = low = bisect_left(starts, last)  # the names overlapping it are out[low:high]
        while low and ends[low - 1] > first:
            low -= 1
        overlapping = out[low:high]
        if _layout_line(text, span):  # page layout: only a longer name over the base model's
            taken = bool(overlapping) and all(e.label_ in _TRAINED_LABELS and span.start <= e.start
                                              and e.end <= span.end for e in overlapping)
        else:
            taken = all(_gives_way(e, span, surnames) for e in overlapping)
        if taken:
            span._.source, span._.lang = "model", "en"  # (stored by offsets: only on a span that is kept)
            out[low:high], starts[low:high], ends[low:high] = [span], [first], [last]
    covered = {i for s in doc.spans[SPANS_KEY] for i in range(s.start, s.end)}
    out = [e for e in out if e._.source is not None or e.label_ not in _DROPPED_ALONE
           or covered.intersection(range(e.start, e.end)) or _layout_line(text, e) or stated_kind(e)
           or head_kind(e)]
    return [with_stated_kind(doc, e) for e in voted_labels(doc, out)]


def _key_or_list(span: Span, keys: frozenset[str]) -> bool:
    """A tagger's reading that is no name: one opening with a key ("Ideology", "HeadquartersMoscow"), or a list
    ("Perm, Saratov and")."""
    return span[0].text.casefold() in keys or any(t.text in _LIST_WORDS for t in span)


def _gives_way(ent: Span, span: Span, surnames: set[str]) -> bool:
    """Whether the base model's `ent` gives way to the tagger's overlapping name `span` (see _candidates)."""
    if ent.label_ not in _NAME_LABELS:
        return False
    if (ent.start, ent.end) == (span.start, span.end):
        return LABELS[ent.label_] != LABELS[span.label_] \
            and not (ent.label_ == "PERSON" and len(ent) == 1 and ent.text in surnames)
    if span.start <= ent.start and ent.end <= span.end:
        return True  # a shorter name inside the tagger's
    if ent.start <= span.start and span.end <= ent.end:
        rest = [t for t in ent if t.i < span.start or t.i >= span.end]
        return not any(t.is_title and t.is_alpha for t in rest)  # what is left of it holds no capitalised word
    return False  # the two cross


def _layout_line(text: str, span: Span) -> bool:
    """The span stands in a line of page layout: a table row ("| Colours | Orange Gold Black |") or a list item's
    "key: value" ("- Seats1 Title: Seats in the State Duma"). (Short lines are not counted: news headlines are
    short lines, and their names are names.)"""
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start:len(text) if end < 0 else end].strip()
    return "|" in line or _BULLET_KEY.match(line) is not None


@lru_cache(maxsize=1)
def _key_words() -> frozenset[str]:
    return frozenset(k.casefold() for k in infobox_keys())


def _split(doc: Doc, ent: Span, label: str) -> list[Span]:
    """Cut an entity at line breaks, and a name also at brackets, quotes, dashes and list commas."""
    parts, start = [], ent.start
    for token in ent:
        if label == "DATE":
            cut = "\n" in token.text or token.lower_ in _DATE_SPLIT_AT or (
                token.text == "," and not _year_after(token) and not _weekday_before_date(token))
        else:
            cut = "\n" in token.text or token.text in _SPLIT_AT
        if cut:
            parts.append((start, token.i))
            start = token.i + 1
    parts.append((start, ent.end))
    return [s for a, b in parts if (s := copy_span(doc, ent, a, b, label)) is not None]


def _period(doc: Doc, ent: Span) -> bool:
    """"(2012–2013)", "in 2012–2013": what spaCy's model read as a number is two years, the second the later, in
    brackets or after a word of time (not "1500-2000 people")."""
    match = _YEAR_RANGE.fullmatch(ent.text)
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return bool(match) and int(match.group(1)) < int(match.group(2)) and before in _PERIOD_OPENERS


def _year_after(comma) -> bool:
    """"March 6, 2011": the comma before a year belongs to the date; others separate dates of a list."""
    doc = comma.doc
    following = doc[comma.i + 1] if comma.i + 1 < len(doc) else None
    before = doc[comma.i - 1] if comma.i > 0 else None
    return bool(following is not None and re.fullmatch(r"\d{4}", following.text) and before is not None
                and before.like_num)


def _weekday_before_date(comma) -> bool:
    """"Friday, Oct. 23": a weekday and the date it names are one date."""
    doc = comma.doc
    return 0 < comma.i < len(doc) - 1 and doc[comma.i - 1].lower_ in WEEKDAYS \
        and doc[comma.i + 1].lower_.rstrip(".") in MONTHS


def _past_key(doc: Doc, span: Span | None, keys: list[tuple[int, int]]) -> Span | None:
    """A name that opens with the key of a "Key value" line ("Hubs Domodedovo Airport") starts after the key."""
    if span is None or not keys:
        return span
    for start, end in keys:
        if start <= span.start_char < end:
            first = next((t.i for t in span if t.idx >= end), None)
            return None if first is None else copy_span(doc, span, first, span.end)
    return span


def _trim(doc: Doc, span: Span | None) -> Span | None:
    if span is None:
        return None
    start, end = span.start, span.end
    name = span.label_ != "DATE"
    while start < end and (doc[start].is_space or doc[start].is_punct or (name and doc[start].text in _LEADING)
                           or (name and doc[start].pos_ in ("ADV", "CCONJ", "SCONJ", "ADP") and start + 1 < end)):
        start += 1
    while end > start and (doc[end - 1].is_space or (doc[end - 1].is_punct and doc[end - 1].text != ".")
                           or doc[end - 1].text in _POSSESSIVE
                           or name and end - start > 1 and doc[end - 1].is_lower and doc[end - 1].is_alpha):
        end -= 1  # "Interfax news agency": a name ends at its last capitalised word
    # a final full stop belongs to an abbreviation ("St.", "Inc."), not to a sentence end
    if end > start and doc[end - 1].text == "." and (end - start == 1 or len(doc[end - 2].text) > 3):
        end -= 1
    return copy_span(doc, span, start, end)


def _is_name(span: Span) -> bool:
    text = span.text
    if span.label_ == "DATE":
        return bool(_DATE_WORD.search(text)) and "№" not in text
    if not any(ch.isalpha() for ch in text) or len(text) < 2:
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    if span.label_ == "ORG" and all(t.lower_ in _GENERIC_BODY for t in span if not t.is_punct):
        return False
    return True


def _widen_day_range(doc: Doc, span: Span) -> Span:
    """"13 — 16 October 2011": spaCy takes the number before the dash as a cardinal; the range is one date. And
    "summer 2008 – autumn 2009": the season before a year spaCy took alone is the date's."""
    i = span.start
    if i >= 1 and doc[i - 1].lower_ in _SEASONS and span[0].like_num:
        return copy_span(doc, span, i - 1, span.end) or span
    if i >= 2 and doc[i - 1].text in {"-", "–", "—"} and doc[i - 2].like_num and doc[i].like_num:
        if doc[i - 2].text.isdigit() and 1 <= int(doc[i - 2].text) <= 31:
            return copy_span(doc, span, i - 2, span.end) or span
    return span


def _geographic_feature(doc: Doc, span: Span) -> Span:
    """"Khimki forest", "Siverskiy Forest": a name followed by a landscape noun is that place; so is a name that ends
    in a division's word ("Yuzhnoye Tushino District")."""
    if span.end < len(doc) and doc[span.end].lower_ in _FEATURES and span.label_ in ("ORG", "LOC", "PER"):
        if all(t.is_title for t in span):
            return copy_span(doc, span, span.start, span.end + 1, "LOC") or span
    if len(span) > 1 and span.label_ == "PER" and span[-1].lower_ in _FACILITIES:
        return copy_span(doc, span, span.start, span.end, "LOC") or span
    if len(span) > 1 and span.label_ != "LOC" and (span[-1].lower_ in _FEATURES or (
            span[-1].lower_ in _DIVISIONS and not any(t.is_lower for t in span))):  # not "Commission of the X Region"
        return copy_span(doc, span, span.start, span.end, "LOC") or span
    return span
