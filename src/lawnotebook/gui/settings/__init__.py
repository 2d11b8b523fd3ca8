"""Settings: what the window remembers (nothing that names a case) and the settings dialog."""
