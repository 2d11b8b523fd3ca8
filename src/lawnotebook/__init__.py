"""Lawnotebook: an offline-first, encrypted desktop case notebook."""

__version__ = "0.1.0"
