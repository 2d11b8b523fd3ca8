"""Version 9: the custody model (issue 17). Sessions' free-text places become Places.

Places and custody events are records like any other (the ``records`` table needs nothing new);
what changes is the data. Every interrogation whose free-text ``place`` is not empty gets a
``place_id``: a Place record of kind ``unknown`` named by that text, one per distinct text in a
case (the text trimmed, compared exactly).

Colleagues sharing a case upgrade their vaults separately, so the upgrade is deterministic: the
same case gives the same Places, ids, bodies and clock stamps in every vault, and a bundle
between two upgraded vaults sees nothing to merge. The Place's id is a UUID5 of the case id and
the text; its stamp and times are those of the earliest session naming it, with a node of its
own ("m" and a digest, as merges make them, so no vault's own clock ever issues it). A session
gets a new revision above its old stamp (the old one stays in its history, the merge base for a
colleague's older-version edit, which then keeps our ``place_id``). The free text stays: older
versions show only it.

The session's stored text, not the code's current field list, is read and written; the Place's
search document is written with the search package (its text form is the index's own; a later
change of the index layout brings its own migration, which rebuilds it).
"""

from __future__ import annotations

import hashlib
import json
import uuid

VERSION = 9

# UUID5 namespace for places made from free text (uuid5(NAMESPACE_URL, "lawnotebook:place")).
_PLACE_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "lawnotebook:place")
_MAX_COUNTER = 0xFFFF


def place_id_for(case_id: str, text: str) -> str:
    """The id of the Place a case's free-text place ``text`` became."""
    return str(uuid.uuid5(_PLACE_NAMESPACE, f"{case_id}\n{text}"))


def _stamp_above(hlc: str, what: str) -> str:
    """A stamp just above ``hlc`` (``WWWWWWWWWWWW-CCCC-node``), its node a digest of ``what``."""
    wall_hex, counter_hex, _node = hlc.split("-", 2)
    wall, counter = int(wall_hex, 16), int(counter_hex, 16)
    node = "m" + hashlib.sha256(what.encode("utf-8")).hexdigest()[:15]
    if counter >= _MAX_COUNTER:
        wall, counter = wall + 1, -1
    return f"{wall:012x}-{counter + 1:04x}-{node}"


def _next_change(conn) -> int:
    conn.execute(
        "INSERT INTO vault_meta VALUES ('change_counter', '1') "
        "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
    )
    return int(
        conn.execute("SELECT value FROM vault_meta WHERE key = 'change_counter'").fetchone()[0]
    )


def migrate(conn) -> None:
    from lawnotebook.vault.search import index_document

    rows = conn.execute(
        "SELECT id, case_id, body, author, created_at, updated_at, hlc FROM records "
        "WHERE kind = 'interrogation' ORDER BY hlc, id"
    ).fetchall()
    tombstoned = {r[0] for r in conn.execute("SELECT id FROM tombstones")}
    made: set[str] = set()
    newest = ""
    for rid, case_id, text, author, created_at, updated_at, hlc in rows:
        body = json.loads(text)
        place = str(body.get("place") or "").strip()
        if not place or body.get("place_id"):
            continue
        pid = place_id_for(case_id, place)
        if pid not in made and pid not in tombstoned:
            exists = conn.execute("SELECT 1 FROM records WHERE id = ?", (pid,)).fetchone()
            if not exists:
                _add_place(conn, pid, case_id, place, author, created_at, hlc, index_document)
                newest = max(newest, _stamp_above(hlc, pid))
            made.add(pid)
        body["place_id"] = pid
        new_text = json.dumps(body, ensure_ascii=False, sort_keys=True)
        stamp = _stamp_above(hlc, hlc + new_text)
        newest = max(newest, stamp)
        conn.execute(
            "UPDATE records SET body = ?, hlc = ?, changed = ? WHERE id = ?",
            (new_text, stamp, _next_change(conn), rid),
        )
        conn.execute(
            "INSERT INTO revisions VALUES (?, ?, 'interrogation', ?, ?, ?, ?)",
            (rid, stamp, new_text, author, updated_at, _next_change(conn)),
        )
    if newest:  # the vault's clock resumes past every stamp written here
        last = conn.execute("SELECT value FROM vault_meta WHERE key = 'hlc_last'").fetchone()
        if last is None or last[0] < newest:
            conn.execute("INSERT OR REPLACE INTO vault_meta VALUES ('hlc_last', ?)", (newest,))


def _add_place(conn, pid, case_id, name, author, created_at, hlc, index_document) -> None:
    body = {"address": "", "name": name, "notes": "", "place_kind": "unknown"}
    text = json.dumps(body, ensure_ascii=False, sort_keys=True)
    stamp = _stamp_above(hlc, pid)
    conn.execute(
        "INSERT INTO records VALUES (?, ?, 'place', ?, ?, ?, ?, ?, ?, ?)",
        (
            pid,
            case_id,
            text,
            author,
            created_at,
            created_at,
            stamp,
            name.casefold(),
            _next_change(conn),
        ),
    )
    conn.execute(
        "INSERT INTO revisions VALUES (?, ?, 'place', ?, ?, ?, ?)",
        (pid, stamp, text, author, created_at, _next_change(conn)),
    )
    index_document(conn, record_id=pid, case_id=case_id, kind="place", title=name, body="")
