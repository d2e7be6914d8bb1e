"""When: what a date expression states, before the context fills in what it leaves open."""

from __future__ import annotations

from dataclasses import dataclass

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}


@dataclass(frozen=True)
class When:
    """Fields a date expression states; `shift` and `weekday` count from an anchor instead.

    deictic: counts from the document's date ("yesterday", "last year"); otherwise from the last full date
    mentioned before ("a day earlier", "March 6"). `ref`: PRESENT_REF, PAST_REF or FUTURE_REF.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_day: int | None = None
    end_year: int | None = None
    year_offset: int = 0
    season: str | None = None
    quarter: int | None = None
    half: int | None = None
    decade: str | None = None
    shift: tuple[str, int] | None = None
    weekday: int | None = None
    direction: int = 0
    deictic: bool = False
    ref: str | None = None
    same_period: bool = False  # "the quarter", "a year earlier": the quarter last mentioned (shifted)
