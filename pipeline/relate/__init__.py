"""Linked records -> relations and facts: patterns over sentence templates, infobox lines, aliases (no models)."""
