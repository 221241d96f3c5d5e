"""The read-only and full-disk scenarios of issue 17 on REAL file systems (needs root: it mounts a
small tmpfs). For each command (convert, build, site, pdf, a corpus build) and each fault:

1. build a good output on the tmpfs;
2. make the tmpfs read-only (``mount -o remount,ro``) or fill it to the last byte;
3. run the command again: it must exit 2 or 3 with a positioned message (the path of the file it
   could not write), no traceback, and every good output byte-identical;
4. remove the cause and run the command plainly: it must succeed.

    sudo python3 bench/fault_scenarios.py [--lefort-tei .venv/bin/lefort-tei]

The same faults are simulated in-process (no root) by ``tests/test_faults.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "lefort-contradiction-of-trotsky.txt"
TEI = ROOT / "tei" / "lefort-contradiction-of-trotsky.xml"
CORPUS = ROOT.parent / "shared" / "corpus"


def commands(m: Path, seeds: Path, corpus: Path) -> dict[str, list[str]]:
    return {
        "convert": ["convert", str(SEED), "-o", str(m / "tei" / "x.xml")],
        "build": ["build", str(seeds), "--tei-dir", str(m / "tei"), "--site-dir", str(m / "site")],
        "site": ["site", str(TEI), "-o", str(m / "site")],
        "pdf": ["pdf", str(TEI), "-o", str(m / "x.pdf")],
        "corpus": ["build", str(corpus), "--tei-dir", str(m / "tei"), "--site-dir", str(m / "site"),
                   "--no-pdf", "-j", "2"],
        # the TEI folder and its manifest are fine; only the site's disk fails (pages in the workers)
        "corpus-site": ["build", str(corpus), "--tei-dir", str(m.parent / "corpus-tei"), "--site-dir",
                        str(m / "site"), "--no-pdf", "-j", "2"],
    }


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith(".lefort-build")
            and p.name != "filler"}


def run(exe: str, args: list[str]) -> tuple[int, str, float]:
    t = time.monotonic()
    p = subprocess.run([exe, *args], capture_output=True, text=True)
    return p.returncode, p.stderr, time.monotonic() - t


def fill(m: Path) -> None:
    """Write zeros until the file system refuses one more byte."""
    fd = os.open(m / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (1 << 20, 4096, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(fd)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lefort-tei", default=str(ROOT / ".venv" / "bin" / "lefort-tei"))
    ap.add_argument("--only", nargs="*")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="lefort-faults-"))
    seeds = work / "seeds"
    seeds.mkdir()
    for suffix in (".txt", ".toml"):
        shutil.copy(SEED.with_suffix(suffix), seeds / SEED.with_suffix(suffix).name)
    corpus = work / "corpus"
    corpus.mkdir()
    for p in sorted(CORPUS.glob("*.txt"))[:3]:
        shutil.copy(p, corpus / p.name)
    m = work / "mnt"
    m.mkdir()
    rows, ok = [], True
    try:
        for name, argv in commands(m, seeds, corpus).items():
            if args.only and name not in args.only:
                continue
            for fault in ("read-only", "full"):
                subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", str(m)], check=True)
                try:
                    rc0, err0, _ = run(args.lefort_tei, argv)
                    good = snapshot(m)
                    if fault == "read-only":
                        subprocess.run(["mount", "-o", "remount,ro", str(m)], check=True)
                    else:
                        fill(m)
                    rc, err, secs = run(args.lefort_tei, argv + (["--force"] if argv[0] == "build" else []))
                    if fault == "read-only":
                        subprocess.run(["mount", "-o", "remount,rw", str(m)], check=True)
                    else:
                        (m / "filler").unlink()
                    kept = snapshot(m) == good
                    rc2, err2, _ = run(args.lefort_tei, argv)
                    first = next((line for line in err.splitlines() if ": error: " in line), err.strip()[:200])
                    passed = (rc0 == 0 and rc in (2, 3) and "Traceback" not in err and str(m) in first and kept
                              and rc2 == 0)
                    ok &= passed
                    rows.append((name, fault, rc0, rc, kept, rc2, "pass" if passed else "FAIL",
                                 first.replace(str(m), "M")[:150]))
                    print(" | ".join(map(str, rows[-1])), flush=True)
                    if not passed:
                        print(err[-1500:], err2[-500:], file=sys.stderr)
                finally:
                    subprocess.run(["umount", str(m)], check=False)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n| command | fault | good run | faulty run | good outputs kept | rebuild | result | message |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print("| " + " | ".join(map(str, r)) + " |")
    return 0 if ok else 1


if __name__ == "__main__":
    if os.geteuid() != 0:
        sys.exit("needs root (mounts a tmpfs); tests/test_faults.py simulates the same faults without it")
    raise SystemExit(main())
