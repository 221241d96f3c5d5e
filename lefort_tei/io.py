"""Safe file output: a file is replaced only by a complete new version, never truncated.

In: a path and bytes. Out: the file, written to a temporary file in the same folder, flushed to
disk, then renamed over the old one (atomic on POSIX). On any error the old file stays, the
temporary file is removed, and the fault is an ``OutputError`` naming the file (never a traceback):
exit 2 when the place cannot be written (read-only, no permission), 3 when the system failed
(disk full, I/O error).
"""

from __future__ import annotations

import errno
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .diagnostics import EXIT_TOOL, EXIT_USAGE, OutputError, error

# errno → (code, exit): the place is wrong (the user chooses another) or the system failed
_PLACE = {errno.EROFS: "output-read-only", errno.EACCES: "output-permission", errno.EPERM: "output-permission",
          errno.ENOTDIR: "output-not-folder", errno.EISDIR: "output-is-folder", errno.EEXIST: "output-not-folder",
          errno.ENAMETOOLONG: "output-name-too-long", errno.ENOENT: "output-no-folder"}
_SYSTEM = {errno.ENOSPC: "output-disk-full", errno.EDQUOT: "output-disk-full", errno.EFBIG: "output-too-large"}


def output_error(path: str | Path, exc: OSError, action: str = "write this file",
                 kept: str = "; a previous version, if any, is kept") -> OutputError:
    """The positioned diagnostic for an output that could not be written."""
    reason = exc.strerror or str(exc)
    if exc.errno in _PLACE:
        code, exit_code = _PLACE[exc.errno], EXIT_USAGE
    else:
        code, exit_code = _SYSTEM.get(exc.errno, "output-io-error"), EXIT_TOOL
    return OutputError(error(code, f"cannot {action}: {reason}{kept}",
                             str(path)), exit_code=exit_code)


@contextmanager
def writing(path: str | Path) -> Iterator[None]:
    """Turn an ``OSError`` raised while writing ``path`` into an ``OutputError`` naming it."""
    try:
        yield
    except OSError as exc:
        raise output_error(path, exc) from None


def make_folder(path: str | Path) -> Path:
    """``mkdir -p`` that fails with an ``OutputError`` naming the folder."""
    folder = Path(path)
    with writing(folder):
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_atomic(path: str | Path, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to ``path`` via a temporary file and a rename. ``durable``: flush to disk
    first (the TEI); pages regenerated from it can skip that cost and stay atomic."""
    target = Path(path)
    make_folder(target.parent)
    with writing(target):
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
