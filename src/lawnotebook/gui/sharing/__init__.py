"""Colleagues and bundles: the colleagues window, the share wizard, opening a bundle, the merge
plan, conflicts.
"""
