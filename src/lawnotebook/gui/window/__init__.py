"""The main window: the pages it switches between, locking (idle, screen lock, suspend), loading
the desk ahead.
"""
