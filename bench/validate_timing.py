"""How long validating the seed edition takes, cold (fresh process) and warm (schemas compiled).

In: options (see --help). Out: a Markdown table on standard output. The edition is the seed
converted in memory with the current code (nothing is written), or --file PATH. Each cold
figure is measured in a fresh Python process, so it includes compiling the schemas; warm
figures are medians over --runs validations in one process. Not a test: nothing fails.
Usage: python3 bench/validate_timing.py [--runs 20] [--file tei/x.xml] [--tei-all PATH] [--no-lxml-tei-all]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "lefort-contradiction-of-trotsky.txt"
DEFAULT_TEI_ALL = ROOT.parent / "shared" / "tei" / "tei_all.rng"

# Run in a fresh process: time the first validation (schemas compiled on the way), then warm ones.
PROBE = """
import json, statistics, sys, time
started = time.perf_counter()
from lefort_tei.validate import validate_bytes
from lefort_tei.validate.relaxng import OUR_RNG, compile_rng
from lefort_tei.validate.safe import parse_bytes
from lefort_tei.validate.schematron import OUR_SCH, compile_schematron
imported = time.perf_counter()
data = open(sys.argv[1], "rb").read()
runs = int(sys.argv[2])
t = time.perf_counter(); compile_rng(str(OUR_RNG)); rng = time.perf_counter() - t
t = time.perf_counter(); compile_schematron(str(OUR_SCH)); sch = time.perf_counter() - t
t = time.perf_counter(); problems = validate_bytes(data, sys.argv[1]); first = time.perf_counter() - t
def timed(f):
    out = []
    for _ in range(runs):
        t = time.perf_counter(); f(); out.append(time.perf_counter() - t)
    return statistics.median(out)
tree = parse_bytes(data, "x")
result = {"import": imported - started, "compile_rng": rng, "compile_sch": sch, "first": first,
          "warm_total": timed(lambda: validate_bytes(data, "x")),
          "warm_parse": timed(lambda: parse_bytes(data, "x")),
          "warm_rng": timed(lambda: compile_rng(str(OUR_RNG)).validate(tree)),
          "warm_sch": timed(lambda: compile_schematron(str(OUR_SCH)).validate(tree)),
          "errors": len(problems)}
if len(sys.argv) > 3:
    from lxml import etree
    t = time.perf_counter(); tei_all = compile_rng(sys.argv[3]); result["tei_all_compile"] = time.perf_counter() - t
    result["tei_all_warm"] = timed(lambda: tei_all.validate(tree))
print(json.dumps(result))
"""


def edition_bytes(path: str | None) -> bytes:
    if path:
        return Path(path).read_bytes()
    from lefort_tei.pipeline import convert

    return convert(SEED).encoded.data


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="warm runs per figure (median)")
    parser.add_argument("--file", help="a TEI file (default: the seed converted in memory)")
    parser.add_argument("--tei-all", default=str(DEFAULT_TEI_ALL), help="tei_all.rng (default: ../shared/tei)")
    parser.add_argument("--no-lxml-tei-all", action="store_true", help="skip compiling tei_all.rng with lxml (~6 s)")
    args = parser.parse_args()

    data = edition_bytes(args.file)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "edition.xml")
        Path(path).write_bytes(data)
        extra = [args.tei_all] if Path(args.tei_all).is_file() and not args.no_lxml_tei_all else []
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", PROBE, path, str(args.runs), *extra], capture_output=True,
                              text=True, check=True, cwd=ROOT)
        probe_wall = time.perf_counter() - started
        r = json.loads(done.stdout)
        cli = {}
        for label, argv in (("our schema + Schematron", []),
                            ("… + TEI All with jing", ["--tei-all", args.tei_all, "--engine", "jing"])):
            if argv and not Path(args.tei_all).is_file():
                continue
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "lefort_tei", "validate", "-q", path, *argv], cwd=ROOT,
                           capture_output=True, check=False)
            cli[label] = time.perf_counter() - t

    print(f"Validation of the seed edition ({len(data) / 1024:.0f} KiB, {r['errors']} errors found), "
          f"warm figures: median of {args.runs} runs\n")
    print("| what | time |\n| --- | --- |")
    rows = [("cold: import lefort_tei.validate", r["import"]),
            ("cold: compile lefort-tei.rng (lxml)", r["compile_rng"]),
            ("cold: compile lefort-tei.sch (lxml ISO Schematron, XSLT 1)", r["compile_sch"]),
            ("cold: first validate_bytes (parse + RNG + Schematron)", r["first"]),
            ("warm: validate_bytes (parse + RNG + Schematron + positions)", r["warm_total"]),
            ("warm: safe parse only", r["warm_parse"]),
            ("warm: RelaxNG only", r["warm_rng"]),
            ("warm: Schematron only", r["warm_sch"])]
    if "tei_all_compile" in r:
        rows += [("cold: compile tei_all.rng (lxml)", r["tei_all_compile"]),
                 ("warm: validate against tei_all.rng (lxml)", r["tei_all_warm"])]
    rows += [(f"whole command, fresh process: {label}", t) for label, t in cli.items()]
    for label, t in rows:
        print(f"| {label} | {ms(t)} |")
    print(f"\n(probe process wall time, Python start included: {ms(probe_wall)})")


if __name__ == "__main__":
    main()
