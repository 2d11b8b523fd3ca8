"""Domain types, ids and errors. Standard library only."""
