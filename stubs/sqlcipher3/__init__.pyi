# sqlcipher3 ships no types. It is pysqlite3 (the standard library's sqlite3 module, built
# against SQLCipher) under another name, so the standard library's stubs describe it exactly.
from sqlite3 import *
