"""Safe file output: a file is replaced only by a complete new version, never truncated.

In: a path and bytes. Out: the file, written to a temporary file in the same folder, flushed to
disk, then renamed over the old one (atomic on POSIX). On any error the old file stays.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to ``path`` via a temporary file and a rename. ``durable``: flush to disk
    first (the TEI); pages regenerated from it can skip that cost and stay atomic."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
