"""``python -m lawnotebook`` runs the program, as the ``lawnotebook`` command does."""

from lawnotebook.app import console_main

# Guarded: evidence-reading workers are spawned, and a spawned process re-imports this module.
if __name__ == "__main__":
    console_main()
