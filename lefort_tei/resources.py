"""Where the project's stylesheets and schemas are: ``xslt/`` and ``schemas/`` beside the package.

In: nothing. Out: paths. The package is installed in editable mode (``pip install -e .``), so
these folders are read where they are in the checkout; ``LEFORT_TEI_HOME`` overrides the root.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(os.environ.get("LEFORT_TEI_HOME", Path(__file__).resolve().parent.parent))
SCHEMAS_DIR = PROJECT_ROOT / "schemas"
XSLT_DIR = PROJECT_ROOT / "xslt"
FONTS_DIR = PROJECT_ROOT / "fonts"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
