"""load_settings(path) -> Settings: the only code that reads the TOML configuration."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import ValidationError

from .errors import ConfigError
from .schema import Settings


def load_settings(path: Path | None = None) -> Settings:
    """Defaults from code, overridden by the TOML file at `path` when given."""
    if path is None:
        return Settings()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    try:
        return Settings(**data.get("pipeline", data))
    except ValidationError as exc:
        fields = ", ".join(".".join(map(str, e["loc"])) + ": " + e["msg"] for e in exc.errors())
        raise ConfigError(f"{path}: {fields}; valid keys: {', '.join(Settings.model_fields)}") from None
