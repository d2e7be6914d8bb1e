"""Shared by every stage, no models: records (pydantic), settings, errors, data files in models/, versions."""
