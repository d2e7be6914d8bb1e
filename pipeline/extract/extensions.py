"""The Span._ attributes the components set, plain values only, and which of them travel with a span.

source and lang: set where a span is made (`spans.make_span`); stated: what a Russian date stated in numbers and
month names states (ru_dates, dates.russian.stated_russian); value: the resolved ISO value (dates.resolve_dates);
normal and translit: the normal form and its Latin key (normalise).
"""

from __future__ import annotations

from spacy.tokens import Span

EXTENSIONS = ("normal", "translit", "stated", "value", "source", "lang")
CARRIED = ("stated", "value", "source", "lang")  # a copied span keeps these; normal forms are made again


def register_extensions() -> None:
    """Declare the Span._ attributes (default None); called by the pipeline builder before any component runs."""
    for name in EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
