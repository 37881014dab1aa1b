"""The written content of the sample dossiers, one module per dossier (fictional people and
units), named ``dNN_…``. ``DOSSIERS`` holds them in number order; a new module is picked up
without editing this file."""

import importlib
import pkgutil

DOSSIERS = tuple(
    importlib.import_module(f"{__name__}.{info.name}").DOSSIER
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name)
    if info.name[:1] == "d" and info.name[1:3].isdigit()
)
