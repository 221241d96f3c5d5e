"""The cache of the automatic apparatus's costly step: the named entities of a text's blocks.

In: the texts the recogniser would read (the corrected readings of a document's blocks). Out:
their entities, from the cache when the same texts were analysed before by the same model and
toolkit version, else from ``ner.entities`` (and then stored). An unchanged text is never
analysed twice, and a run whose texts are all cached never loads the model.

Key: sha256 of the toolkit version, the model's name and version, the cache format, and the
texts (the text's content, not its path). Entry: a JSON file ``<key[:2]>/<key>.json`` (sorted,
deterministic), written to a temporary file in the same folder and renamed over the target, so
parallel writers (``build -j 2``) never leave a partial file and the last rename wins with the
same content. A damaged entry is ignored and rewritten.

Where: ``LEFORT_TEI_CACHE`` (a folder; "off" disables the cache), else
``$XDG_CACHE_HOME/lefort-tei`` or ``~/.cache/lefort-tei``.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from . import ner

CACHE_ENV = "LEFORT_TEI_CACHE"
FORMAT = "ner-entities-1"


def cache_dir() -> Path | None:
    chosen = os.environ.get(CACHE_ENV, "").strip()
    if chosen.lower() in ("off", "none", "0"):
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lefort-tei"


def key_of(texts: list[str], model: str) -> str:
    from .. import __version__

    h = hashlib.sha256()
    for part in (FORMAT, __version__, model):
        h.update(part.encode("utf-8") + b"\x00")
    for t in texts:
        h.update(hashlib.sha256(t.encode("utf-8")).digest())
    return h.hexdigest()


def entities(texts: list[str]) -> list[list[tuple[int, int, str]]] | None:
    """``ner.entities(texts)``, through the cache; ``None`` without a model (never cached)."""
    model = ner.model_id()
    if not model:
        return None
    folder = cache_dir()
    if folder is None:
        return ner.entities(texts)
    key = key_of(texts, model)
    path = folder / key[:2] / f"{key}.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored.get("key") == key and len(stored["entities"]) == len(texts):
            return [[(a, z, label) for a, z, label in ents] for ents in stored["entities"]]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    found = ner.entities(texts)
    if found is not None:
        _store(path, {"key": key, "model": model, "entities": found})
    return found


def _store(path: Path, value: dict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(value, f, sort_keys=True, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only or full cache folder: no cache, same results
