"""place add/list, custody add/list and the sessions' custody fields (issue 17, point 1)."""

from __future__ import annotations


def test_places_custody_events_and_session_fields(cli):
    cid = cli("--json", "case", "new", "张某故意杀人案")["id"]
    house = cli("--json", "place", "add", cid, "市第一看守所", "--kind", "detention_house")
    station = cli(
        "--json", "place", "add", cid, "城关派出所办案区", "--kind", "police_station",
        "--address", "城关路1号",
    )  # fmt: skip
    assert house["place_kind"] == "detention_house" and house["kind"] == "place"
    listed = cli("place", "list", cid)
    assert "市第一看守所" in listed and "police_station" in listed

    detained = cli("--json", "custody", "add", cid, "detention", "2024-05-18 20:00",
                   "--place", station["id"][:8])  # fmt: skip
    assert detained["place_id"] == station["id"] and detained["event_kind"] == "detention"
    cli("custody", "add", cid, "committal", "2024-05-19 21:10", "--place", house["id"][:8])
    summons = cli("--json", "custody", "add", cid, "summons", "2024-05-17 09:00",
                  "--end", "2024-05-17 21:00", "--notes", "传唤到派出所")  # fmt: skip
    assert summons["end"] == "2024-05-17 21:00"
    out = cli("custody", "add", cid, "arrest", "2024-05-25", "--end", "2024-05-26", expect=11)
    assert "moment" in out
    table = cli("custody", "list", cid)
    rows = [line for line in table.splitlines()[1:]]
    assert ["summons" in rows[0], "detention" in rows[1], "committal" in rows[2]] == [True] * 3
    assert "市第一看守所" in rows[2]

    session = cli(
        "--json", "interrogation", "add", cid, "--start", "2024-05-20 23:00",
        "--end", "2024-05-21 09:00", "--place-id", station["id"][:8], "--recording", "none",
        "--signed", "no", "--rest", "2024-05-21 03:00..2024-05-21 03:20",
        "--meal", "2024-05-21 07:00", "--outcome", "confessed", "--interpreter-needed", "no",
        "--injuries", "左臂淤青", "--pages", "卷2 第15-18页",
    )  # fmt: skip
    assert session["place_id"] == station["id"] and session["recording"] == "none"
    assert session["place"] == "城关派出所办案区"  # the text follows the Place, for reports
    assert session["rest_breaks"] == [{"start": "2024-05-21 03:00", "end": "2024-05-21 03:20"}]
    assert session["meals"] == ["2024-05-21 07:00"] and session["transcript_signed"] == "no"
    edited = cli("--json", "interrogation", "edit", session["id"][:8], "--outcome", "retracted",
                 "--transcript-start", "2024-05-21 01:00")  # fmt: skip
    assert edited["outcome"] == "retracted" and edited["transcript_start"] == "2024-05-21 01:00"
    assert edited["injuries_seen"] == "左臂淤青"  # untouched fields stay
    listed = cli("interrogation", "list", cid)
    assert "城关派出所办案区" in listed and "retracted" in listed
    # A link to a record of the wrong kind is refused, and nothing is stored.
    cli("interrogation", "add", cid, "--start", "2024-05-22 09:00", "--place-id",
        detained["id"][:8], expect=10)  # fmt: skip
    assert len(cli("--json", "interrogation", "list", cid)) == 1
    hits = cli("--json", "search", "淤青")
    assert [h["record_id"] for h in hits] == [session["id"]]
