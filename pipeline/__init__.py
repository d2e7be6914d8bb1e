"""Bilingual (English + Russian) extraction of organisations, places, persons, dates and their relations."""

__version__ = "0.4.0"
