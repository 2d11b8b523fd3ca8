"""Evidence: the tab, intake, text reading, and the in-memory viewers."""
