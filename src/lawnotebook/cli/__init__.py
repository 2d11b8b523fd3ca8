"""``lawnotebook COMMAND``: headless commands for people, scripts and tests."""

from lawnotebook.cli.main import main

__all__ = ["main"]
