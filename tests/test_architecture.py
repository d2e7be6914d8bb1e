"""The shape of the package, checked: stages as subpackages, no import cycle, a model-free core, small modules,
the CLI the only place that prints or exits, every add_pipe in the one builder."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from .common import ROOT

PACKAGE = ROOT / "pipeline"
STAGES = ("core", "ingest", "extract", "dates", "normalise", "link", "relate", "corpus", "io", "tools")
MODEL_FREE = ["pipeline", "pipeline.core.records", "pipeline.core.settings", "pipeline.core.resources",
              "pipeline.ingest.read", "pipeline.link.linker", "pipeline.relate.relations", "pipeline.relate.facts",
              "pipeline.corpus.cache", "pipeline.corpus.run", "pipeline.corpus.flow", "pipeline.io.jsonl",
              "pipeline.io.atomic", "pipeline.tools.review", "pipeline.tools.evaluate", "pipeline.cli"]


def _modules() -> dict[str, ast.Module]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = ast.parse(path.read_text(encoding="utf-8"))
    return found


def _imports(name: str, tree: ast.Module, modules: dict) -> set[str]:
    """Modules of the package that `name` imports, anywhere in its code (functions included)."""
    package = name if name in modules and (PACKAGE / "/".join(name.split(".")[1:]) / "__init__.py").exists() \
        else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = f"{base}.{node.module}" if node.level and node.module else (base if node.level else node.module)
            for alias in node.names:
                if f"{target}.{alias.name}" in modules:
                    out.add(f"{target}.{alias.name}")
                elif target in modules:
                    out.add(target)
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name in modules}
    return out - {name}


def test_stages_are_subpackages_that_say_what_comes_in_and_what_goes_out():
    for stage in STAGES:
        init = PACKAGE / stage / "__init__.py"
        tree = ast.parse(init.read_text(encoding="utf-8"))
        docstring = ast.get_docstring(tree)
        assert docstring and "->" in docstring.splitlines()[0] or stage == "core", stage
        assert [type(n) for n in tree.body] == [ast.Expr], f"{stage}/__init__.py should hold only its docstring"


def test_no_import_cycle_anywhere_in_the_package():
    modules = _modules()
    graph = {name: _imports(name, tree, modules) for name, tree in modules.items()}
    # the graph sees module-level, relative and in-function imports (else this test would pass vacuously)
    assert {"pipeline.corpus.cache", "pipeline.corpus.flow"} <= graph["pipeline.corpus.run"]
    assert "pipeline.extract.natasha_vocab" in graph["pipeline.extract.russian"]
    assert "pipeline.extract.pipelines" in graph["pipeline.corpus.execute"]
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt):] + [nxt] if nxt in path else [node, nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])


def test_no_module_is_over_450_lines():
    long = {p.relative_to(ROOT).as_posix(): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450}
    assert long == {}


def test_the_core_imports_no_model():
    script = ("import importlib, sys\n"
              f"for name in {MODEL_FREE!r}: importlib.import_module(name)\n"
              "print(sorted(m for m in ('spacy', 'natasha', 'slovnet', 'thinc', 'navec') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_only_the_cli_prints_or_exits():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.name in ("cli.py", "__main__.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("print", "exit"):
                offenders.append(f"{path.name}:{node.lineno}")
            if isinstance(node, ast.Attribute) and node.attr == "exit" and getattr(node.value, "id", "") == "sys":
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


def test_every_component_is_added_in_the_one_builder():
    adding = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                    if "add_pipe(" in p.read_text(encoding="utf-8"))
    assert adding == ["extract/pipelines.py"]


def test_the_review_page_assets_are_files_of_their_own():
    page = PACKAGE / "tools" / "review_page"
    assert sorted(p.name for p in page.iterdir()) == ["page.css", "page.html", "page.js"]
    code = (PACKAGE / "tools" / "review.py").read_text(encoding="utf-8")
    assert "<style>" not in code and "function " not in code


def test_no_private_interface_of_python():
    for name, tree in _modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in ("re", "sre_parse", "sre_compile", "sre_constants"):
                assert not any(a.name.startswith("_") for a in node.names), f"{name} imports re's private parser"
            if isinstance(node, ast.Import):
                assert not any(a.name in ("sre_parse", "sre_compile") for a in node.names), name


def test_a_compiled_pattern_is_defined_once():
    """Two modules compiling the same pattern at module level drift apart; the alphabets live in core/script.py."""
    where: dict[str, list[str]] = {}
    for name, tree in _modules().items():
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) \
                    and isinstance(node.value.func, ast.Attribute) and node.value.func.attr == "compile":
                where.setdefault(ast.dump(node.value), []).append(name)
    repeated = {key: names for key, names in where.items() if len(set(names)) > 1}
    assert not repeated, list(repeated.values())
    for name, tree in _modules().items():
        if name != "pipeline.core.script":
            letters = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
                       and n.value in ("[А-Яа-яЁё]", "[A-Za-z]")]
            assert not letters, f"{name} writes an alphabet of its own: use pipeline.core.script"


# module-level tables of words that are code, not vocabulary: the relation types' signatures, dependency labels
_NOT_WORD_LISTS = {"pipeline.relate.relations.SIGNATURE", "pipeline.relate.tree._SUBJ"}


def test_word_lists_of_ten_or_more_are_data_files():
    """Vocabulary lives in models/ (models/words/*.tsv and the other tables), read by one loader each, and is
    part of the cache key; a module of relate/, dates/ or extract/ holds no list of more than ten words."""
    offenders = []
    for name, tree in _modules().items():
        if name.split(".")[1:2] not in (["relate"], ["dates"], ["extract"]):
            continue
        for node in tree.body:
            if not isinstance(node, ast.Assign | ast.AnnAssign) or node.value is None:
                continue
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            value = node.value
            if isinstance(value, ast.Call) and getattr(value.func, "id", "") in ("frozenset", "set", "list", "tuple") \
                    and value.args:
                value = value.args[0]
            items = value.keys if isinstance(value, ast.Dict) else getattr(value, "elts", [])
            words = [i for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)
                     and any(ch.isalpha() for ch in i.value)]
            qualified = f"{name}.{getattr(target, 'id', '')}"
            if len(words) > 10 and qualified not in _NOT_WORD_LISTS:
                offenders.append(f"{qualified}: {len(words)} words")
    assert offenders == []
