"""pymorphy3's dictionary -> models/given_names_ru.txt: Russian given names in Latin letters, as English text
writes them.

    python -m pipeline.tools.given_names [--out models/given_names_ru.txt]

Every lemma pymorphy3 marks as a given name (grammeme Name, nominative singular), romanised the Wikipedia way
(iuliia) and with the spellings English-language press uses beside it: a final -ey as -ei ("Aleksei"), ks as x
("Alexei"), an initial Ye as E ("Evgeny"), -iy as -y ("Yuriy" -> "Yury"). About a minute (it reads the whole
dictionary). English extraction reads a name that opens with one of them and ends as a Russian surname does as a
person (pipeline/extract/kinds.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.resources import GIVEN_NAMES


def spellings(latin: str) -> set[str]:
    """The romanised name and the spellings English text also uses for it."""
    out = {latin}
    for name in list(out):
        if name.endswith("ey"):
            out.add(name[:-2] + "ei")
    for name in list(out):
        if "ks" in name:
            out.add(name.replace("ks", "x"))
        if name.startswith("ye"):
            out.add("e" + name[2:])
        if name.endswith("iy"):
            out.add(name[:-2] + "y")
    return out


def given_names() -> list[str]:
    import iuliia
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    names = {word for word, tag, normal, _, _ in morph.iter_known_word_parses()
             if word == normal and {"Name", "nomn", "sing"} <= tag.grammemes and word.isalpha()}
    latin = set()
    for name in names:
        latin |= spellings(iuliia.WIKIPEDIA.translate(name.replace("ё", "е")).lower())
    return sorted(n for n in latin if n.isascii() and len(n) >= 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.tools.given_names", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=GIVEN_NAMES)
    args = parser.parse_args(argv)
    names = given_names()
    header = ("# Russian given names in Latin letters (pymorphy3's dictionary, romanised by iuliia's Wikipedia scheme, "
              "with press spellings);\n# made by python -m pipeline.tools.given_names; one lower-case name a line.\n")
    args.out.write_text(header + "\n".join(names) + "\n", encoding="utf-8")
    sys.stderr.write(f"{len(names)} names written to {args.out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
