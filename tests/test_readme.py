"""The README's settings example: every key is valid and every value it shows for a number or a switch is the
default (the example says what a run does when nothing is set)."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

import pytest

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


ROOT = README.parent


def _readme() -> str:
    return README.read_text(encoding="utf-8")


def test_the_readme_is_a_front_door_and_its_links_lead_somewhere():
    assert len(_readme().splitlines()) <= 220
    for page in [README, *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if "://" not in target:
                assert (page.parent / target).exists(), f"{page.name} links to {target}, which is not there"
    linked = set(re.findall(r"\]\(docs/([^)]+)\)", _readme()))
    assert linked == {p.name for p in (ROOT / "docs").glob("*.md")}  # every page of the manual is reachable


def test_the_commands_the_readme_shows_exist():
    import typer.main

    from pipeline.cli import app

    commands = set(typer.main.get_command(app).commands)
    shown = set(re.findall(r"^ {4}pipeline (\w+)", _readme(), re.M))
    assert shown and shown <= commands, shown - commands
    assert commands <= shown, commands - shown  # and every command is shown
    targets = set(re.findall(r"^([\w-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))
    assert set(re.findall(r"make ([\w-]+)", _readme())) <= targets


def test_no_file_names_a_path_of_one_machine():
    """Model cards, configs, docs and code say where things are relative to the repository, never on a disk."""
    machine = re.compile(r"(?<![\w.])/(?:work|home|root|Users|tmp/tmp)[\w-]*/")
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    if not tracked:
        pytest.skip("not a git checkout")
    offenders = []
    for name in tracked:
        if name.startswith("tests/") or not name.endswith((".md", ".py", ".cfg", ".toml", ".tsv", ".txt", ".json",
                                                            "Makefile")):
            continue
        text = (ROOT / name).read_text(encoding="utf-8", errors="replace")
        offenders += [f"{name}: {m.group(0)}" for m in machine.finditer(text)]
    assert offenders == []
