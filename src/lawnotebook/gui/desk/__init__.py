"""The desk after unlock: the case list, the agenda, search, and the actions of the menus."""
