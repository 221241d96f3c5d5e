"""Suggestions for an editor starting a data file: candidate persons and suspect OCR errors.

In: a plain text (and optionally its data file, to leave out what is already known). Out: ranked
candidates with contexts, printable as TOML stubs (``[[person]]``, ``[[correction]]``) ready to
paste into ``seeds/NAME.toml`` (format: docs/editorial-data.md).
"""

from .corrections import Suspect, suggest_corrections
from .persons import Candidate, suggest_persons

__all__ = ["Candidate", "Suspect", "suggest_corrections", "suggest_persons"]
