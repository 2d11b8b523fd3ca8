"""Sealed case bundles: payload write, read, verify, merge plan. No Qt."""
