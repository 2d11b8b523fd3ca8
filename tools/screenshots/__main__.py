"""Take every screenshot in docs/screenshots: ``python -m tools.screenshots [OUT]``.

Each set runs in its own process (one QApplication, one interface language each). Run from the
repository root under a display (see README.md beside this file).
"""

from __future__ import annotations

import subprocess
import sys

SETS = ("tools.screenshots.readme", "tools.screenshots.chinese", "tools.screenshots.evidence")


def main(argv: list[str]) -> int:
    out = argv[0] if argv else "docs/screenshots"
    for module in SETS:
        done = subprocess.run([sys.executable, "-m", module, out], check=False)
        if done.returncode:
            print(f"{module} failed with exit code {done.returncode}", file=sys.stderr)
            return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
