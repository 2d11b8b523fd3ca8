"""``python -m lawnotebook`` runs the CLI."""

from lawnotebook.cli.main import console_main

console_main()
