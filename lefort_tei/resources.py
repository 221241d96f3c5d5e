"""Where the toolkit's stylesheets, schemas, fonts and templates are.

In: nothing. Out: paths to real folders. An installed wheel carries them inside the package
(``lefort_tei/xslt``, ``lefort_tei/schemas``, ``lefort_tei/fonts``, ``lefort_tei/templates``: the
build maps the checkout's top-level ``xslt/``, ``schemas/`` and ``fonts/`` there, see ``setup.py``),
found with ``importlib.resources``. An editable install (``pip install -e .``) has no copies, so
the folders are read where they are in the checkout. ``LEFORT_TEI_HOME`` overrides the root of
``xslt/``, ``schemas/`` and ``fonts/`` (a folder laid out like the checkout).

Saxon, Jing and WeasyPrint need file paths, so the package must be installed unzipped (pip,
pipx and uv always do that).
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

PACKAGE_DIR = Path(str(files("lefort_tei")))
CHECKOUT_ROOT = PACKAGE_DIR.parent
# the names below stay importable for callers that predate the packaged layout
PROJECT_ROOT = Path(os.environ.get("LEFORT_TEI_HOME", CHECKOUT_ROOT))

SHIPPED = ("xslt", "schemas", "fonts")


def resource_dir(name: str) -> Path:
    """The folder of one shipped resource: the override, else inside the package, else the checkout."""
    if "LEFORT_TEI_HOME" in os.environ:
        return Path(os.environ["LEFORT_TEI_HOME"]) / name
    inside = PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    return CHECKOUT_ROOT / name


SCHEMAS_DIR = resource_dir("schemas")
XSLT_DIR = resource_dir("xslt")
FONTS_DIR = resource_dir("fonts")
TEMPLATES_DIR = PACKAGE_DIR / "templates"

RNG_NAME = "lefort-tei.rng"
SCH_NAME = "lefort-tei.sch"
PUBLISHED_SCHEMAS = (RNG_NAME, SCH_NAME)


def schemas_folder_for(tei_path: str | Path) -> Path | None:
    """The ``schemas/`` folder a TEI file at ``tei_path`` links to: the nearest one holding our
    RelaxNG in the TEI's own folder or an ancestor (an edition folder carries ``schemas/`` beside
    ``tei/``); None when there is none, and the TEI then names no schema rather than a dead path."""
    folder = Path(tei_path).resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / "schemas" / RNG_NAME).is_file():
            return candidate / "schemas"
    return None


def schema_hrefs(tei_path: str | Path) -> tuple[str | None, str | None]:
    """The ``xml-model`` links (relative, with ``/``) from a TEI file to our RelaxNG and Schematron."""
    found = schemas_folder_for(tei_path)
    if found is None:
        return None, None
    rel = Path(os.path.relpath(found, Path(tei_path).resolve().parent)).as_posix()
    return f"{rel}/{RNG_NAME}", f"{rel}/{SCH_NAME}"


def publish_schemas(folder: str | Path) -> list[Path]:
    """Copy our RelaxNG and Schematron into ``folder`` (made if need be) unless an identical copy is
    there; returns the files written. Makes an edition folder or a site self-contained."""
    folder = Path(folder)
    written = []
    for name in PUBLISHED_SCHEMAS:
        source, target = SCHEMAS_DIR / name, folder / name
        data = source.read_bytes()
        if target.is_file() and target.read_bytes() == data:
            continue
        from .io import write_atomic  # a reader (or a parallel writer) never sees half a file

        write_atomic(target, data)
        written.append(target)
    return written
