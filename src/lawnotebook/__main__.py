"""``python -m lawnotebook`` runs the CLI."""

from lawnotebook.cli.main import console_main

# Guarded: evidence-reading workers are spawned, and a spawned process re-imports this module.
if __name__ == "__main__":
    console_main()
