"""Run a command and measure it: wall time, the peak of the whole process tree's memory, and the
largest single process.

In: an argv list. Out: ``Run(seconds, returncode, peak_tree_mb (PSS sum), peak_process_mb (RSS), stderr,
cpu_seconds)``; CPU seconds are the command's and its reaped workers' (user + system, from ``wait4``):
unlike wall time, they do not grow when other processes share the CPUs.
The memory of the command and its worker processes is sampled from ``/proc`` every 10 ms
(Linux): the peak of the sum of their PSS (proportional set size: a page shared by forked
processes counts once) and the peak RSS of the largest one. (``ru_maxrss`` is no use here: a
child forked from this big process inherits its high-water mark across ``exec``.)
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Run:
    seconds: float
    returncode: int
    peak_tree_mb: float
    peak_process_mb: float
    stderr: str
    cpu_seconds: float = 0.0


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        for task in Path(f"/proc/{p}/task").glob("*/children"):
            try:
                todo += [int(c) for c in task.read_text().split()]
            except OSError:
                pass
    return pids


def _memory_mb(pids: list[int]) -> list[tuple[float, float]]:
    """(PSS, RSS) of each process. PSS shares a page among the processes that map it, so the
    sum over a forked pool counts the parent's inherited pages once, not once per worker."""
    sizes = []
    for p in pids:
        try:
            fields = dict(line.split(":", 1) for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines()[1:])
            sizes.append((int(fields["Pss"].split()[0]) / 1e3, int(fields["Rss"].split()[0]) / 1e3))
        except (OSError, KeyError, ValueError):
            pass
    return sizes


def run(argv: list[str], cwd: str | Path | None = None, env: dict | None = None) -> Run:
    stderr_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-stderr-{os.getpid()}.txt"
    with open(stderr_path, "w+b") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        peak = [0.0, 0.0]  # the tree's sum, the largest process
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                sizes = _memory_mb(_tree(proc.pid))
                peak[0] = max(peak[0], sum(pss for pss, _ in sizes))
                peak[1] = max([peak[1], *(rss for _, rss in sizes)])
                done.wait(0.01)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    stderr_path.unlink(missing_ok=True)
    return Run(seconds, proc.returncode, peak[0], peak[1], text, usage.ru_utime + usage.ru_stime)
