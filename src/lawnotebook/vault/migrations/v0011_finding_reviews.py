"""Version 11: the lawyer's marks on legality findings (issue 17) — record kind ``finding_review``.

A review mark is a record like any other: the ``records`` table needs nothing new, and the
existing ``records_by_case (case_id, kind, sort_key)`` index lists a case's marks. The version
still moves: a release that does not know the kind would fail on such a record the first time it
read a whole case (sealing a bundle, the custody log's titles), so it must refuse the vault as
too new instead (``VaultTooNew``), as it refuses any later schema.

If another migration takes this number first, renumber this one: it has no data of its own to keep
in order.
"""

from __future__ import annotations

VERSION = 11


def migrate(conn) -> None:  # the version bump is the change (see above)
    return None
