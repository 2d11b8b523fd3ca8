"""Widgets and helpers several screens share: background work, forms, tables, labels, messages,
fonts, look.
"""
