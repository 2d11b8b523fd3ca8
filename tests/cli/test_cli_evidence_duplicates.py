"""`evidence add` of a file already in the case (issue 16, point 1) and of a file that cannot
be read (point 4): the others go in, each one not added is named with its reason."""

from __future__ import annotations

from lawnotebook.cli import exit_codes


def test_a_file_already_in_the_case_is_named_and_not_added_again(cli, tmp_path):
    case_id = cli("--json", "case", "new", "State v. Chen 陈某")["id"]
    first = tmp_path / "起诉书.pdf"
    first.write_bytes(b"%PDF-1.7 indictment")
    other = tmp_path / "notes.txt"
    other.write_text("meeting notes", encoding="utf-8")
    (added,) = cli("--json", "evidence", "add", case_id, str(first), "--source", "court")

    copy = tmp_path / "copy.pdf"
    copy.write_bytes(first.read_bytes())
    out = cli(
        "evidence", "add", case_id, str(copy), str(other), str(tmp_path / "gone.wav"),
        expect=exit_codes.DUPLICATE,
    )  # fmt: skip
    assert "not added: copy.pdf: it is already in the case: the same file (SHA-256) as " in out
    assert f"'起诉书.pdf', id {added['id'][:8]}" in out and "--another-source" in out
    assert "not added: gone.wav:" in out and "gone.wav" in out
    assert "1 file(s) added. 2 not added" in out
    listed = cli("--json", "evidence", "list", case_id)
    assert sorted(e["file_name"] for e in listed) == ["notes.txt", "起诉书.pdf"]

    out = cli(
        "evidence", "add", case_id, str(copy), "--another-source", "--source", "Court ",
        expect=exit_codes.DUPLICATE,
    )  # fmt: skip
    assert "needs a --source that no record of it gives yet" in out
    (second,) = cli(
        "--json", "evidence", "add", case_id, str(copy), "--another-source",
        "--source", "prosecution disclosure",
    )  # fmt: skip
    assert second["sha256"] == added["sha256"] and second["source"] == "prosecution disclosure"
    assert len(cli("--json", "evidence", "list", case_id)) == 3


def test_an_unreadable_file_is_named_and_the_others_go_in(cli, tmp_path):
    case_id = cli("--json", "case", "new", "Unreadable")["id"]
    good = tmp_path / "a.txt"
    good.write_text("a", encoding="utf-8")
    out = cli("evidence", "add", case_id, str(tmp_path), str(good), expect=exit_codes.BAD_INPUT)
    assert "not added:" in out and "is a folder, not a file" in out
    assert [e["file_name"] for e in cli("--json", "evidence", "list", case_id)] == ["a.txt"]
