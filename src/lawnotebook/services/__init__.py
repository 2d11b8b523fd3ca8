"""Use cases the GUI and the CLI call."""
