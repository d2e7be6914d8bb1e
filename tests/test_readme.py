"""The README's settings example: every key is valid and every value it shows for a number or a switch is the
default (the example says what a run does when nothing is set)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from pipeline.core.settings import Settings, load_settings

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_settings_example_is_valid_and_shows_the_defaults(tmp_path):
    (block,) = re.findall(r"```toml\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    example = tmp_path / "example.toml"
    example.write_text(block, encoding="utf-8")
    load_settings(example)  # every key valid
    shown = tomllib.loads(block)["pipeline"]
    defaults = Settings()
    plain = {k: v for k, v in shown.items() if isinstance(v, bool | int | float)}
    assert plain and all(getattr(defaults, k) == v for k, v in plain.items()), plain
