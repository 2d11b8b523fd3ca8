"""Entry script of the frozen app: PyInstaller runs this file as ``__main__``."""

import multiprocessing
import sys

if __name__ == "__main__":
    # Text extraction runs in "spawn" worker processes, which start this executable again:
    # freeze_support() turns such a start into the worker instead of a second app.
    multiprocessing.freeze_support()
    from lawnotebook.app import main

    sys.exit(main())
