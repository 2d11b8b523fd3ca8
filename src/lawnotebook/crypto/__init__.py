"""Cryptographic formats: age v1, identities, signatures, key wrapping. No Qt, no SQL."""
