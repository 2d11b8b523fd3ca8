"""The encrypted vault: SQLCipher connection, header and key wrapping, schema. No Qt."""
