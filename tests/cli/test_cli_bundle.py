"""Sharing from the command line: key cards, contacts, seal, inspect, open; age CLI interop."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import stat
import subprocess

import pytest

from lawnotebook.bundle import frames
from lawnotebook.bundle.manifest import Manifest
from lawnotebook.cli import exit_codes
from lawnotebook.cli.main import main
from lawnotebook.crypto import age
from lawnotebook.crypto.identity import KeyCard, LawyerIdentity
from lawnotebook.crypto.signing import CONTEXT_BUNDLE_MANIFEST
from lawnotebook.vault.keychain import NoKeyStore
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE


@pytest.fixture
def two(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LAWNOTEBOOK_PASSPHRASE", PASSPHRASE)
    for name in ("anna", "bao"):
        Vault.create(tmp_path / name, PASSPHRASE, kdf=FAST_KDF)[0].close()

    def run(who, *argv, expect=0):
        code = main(["--vault", str(tmp_path / who), *argv], keystore=NoKeyStore("off"))
        out, err = capsys.readouterr()
        assert code == expect, err
        return json.loads(out) if "--json" in argv and code == 0 else out + err

    run("anna", "identity", "rename", "Anna 安娜")
    run("bao", "identity", "rename", "Bao")
    for who in ("anna", "bao"):
        run(who, "identity", "export", "--out", str(tmp_path / f"{who}.card"))
    return run, tmp_path


def test_cards_contacts_seal_open(two):
    run, tmp = two
    me = run("anna", "--json", "identity", "show")
    assert me["name"] == "Anna 安娜" and len(me["fingerprint"].split()) == 8
    added = run("bao", "--json", "contact", "add", str(tmp / "anna.card"))
    assert added["verified"] is False and added["fingerprint"] == me["fingerprint"]
    run("anna", "contact", "add", str(tmp / "bao.card"), "--verified")
    assert "already a contact" in run(
        "anna", "contact", "add", str(tmp / "bao.card"), expect=exit_codes.BAD_INPUT
    )
    case = run("anna", "--json", "case", "new", "State v. Sun 孙某")["id"]
    run("anna", "note", "add", case, "会见笔录：刑讯逼供")
    sealed = run("anna", "--json", "bundle", "seal", case, "--to", "Bao", "--out", str(tmp))
    bundle = sealed["path"]
    assert sealed["sequence"] == 1 and bundle.endswith(".lnb")
    assert "孙某" not in bundle and "Sun" not in bundle  # the file name says nothing

    info = run("bao", "--json", "bundle", "inspect", bundle)
    assert info["recipient_stanzas"] == {"mlkem768x25519": 1}
    # Unverified sender: a dry run shows the plan; applying without --yes is refused.
    plan = run("bao", "--json", "bundle", "open", bundle, "--dry-run")
    assert plan["applied"] is False and plan["sender"]["verified"] is False
    assert sorted(c["kind"] for c in plan["changes"]) == ["case", "note"]
    assert plan["outer_bound"] is True and plan["format_version"] == 2
    # docs/cli.md: an untrusted sender is a refused bundle, exit 13 (it was 2, a usage error)
    out = run("bao", "bundle", "open", bundle, expect=exit_codes.BUNDLE_REFUSED)
    assert "--yes" in out and "Anna" in out and "Nothing was changed" in out
    assert run("bao", "--json", "case", "list") == []
    run("bao", "contact", "verify", "Anna 安娜")
    done = run("bao", "--json", "bundle", "open", bundle)
    assert done["applied"] is True
    assert "刑讯[逼供]" in run("bao", "search", "逼供")
    again = run("bao", "bundle", "open", bundle, expect=exit_codes.BUNDLE_REFUSED)
    assert "already applied" in again


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_bundle_files_are_written_private(two, tmp_path):
    """Readable only by the lawyer (0600), like reports: a bundle names nobody, but whoever
    shares the machine need not be able to copy it."""
    run, tmp = two
    run("anna", "contact", "add", str(tmp / "bao.card"), "--verified")
    case = run("anna", "--json", "case", "new", "Mode case")["id"]
    (tmp / "pass").write_text("a long bundle passphrase\n")
    old = os.umask(0o022)
    try:
        keys = run("anna", "--json", "bundle", "seal", case, "--to", "Bao", "--out", str(tmp))
        phrase = run(
            "anna",
            "--json",
            "bundle",
            "seal",
            case,
            "--bundle-passphrase-file",
            str(tmp / "pass"),
            "--out",
            str(tmp / "p.lnb"),
        )
    finally:
        os.umask(old)
    for path in (keys["path"], phrase["path"]):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path


def test_not_addressed_to_me_and_passphrase_bundles(two):
    run, tmp = two
    run("anna", "contact", "add", str(tmp / "bao.card"), "--verified")
    case = run("anna", "--json", "case", "new", "Passphrase case")["id"]
    (tmp / "pass").write_text("a long bundle passphrase\n")
    (tmp / "wrong").write_text("not it\n")
    sealed = run(
        "anna",
        "--json",
        "bundle",
        "seal",
        case,
        "--bundle-passphrase-file",
        str(tmp / "pass"),
        "--out",
        str(tmp / "p.lnb"),
    )
    assert run("bao", "--json", "bundle", "inspect", sealed["path"])["passphrase_only"] is True
    refused = run(
        "bao",
        "bundle",
        "open",
        sealed["path"],
        "--bundle-passphrase-file",
        str(tmp / "wrong"),
        "--yes",
        expect=exit_codes.BUNDLE_REFUSED,
    )
    assert "Nothing was changed" in refused
    run(
        "bao",
        "bundle",
        "open",
        sealed["path"],
        "--bundle-passphrase-file",
        str(tmp / "pass"),
        "--yes",
    )
    assert [c["title"] for c in run("bao", "--json", "case", "list")] == ["Passphrase case"]
    # A bundle for Bao cannot be opened by Anna herself.
    to_bao = run(
        "anna", "--json", "bundle", "seal", case, "--to", "Bao", "--out", str(tmp / "b.lnb")
    )
    assert "not addressed to you" in run(
        "anna", "bundle", "open", to_bao["path"], expect=exit_codes.BUNDLE_REFUSED
    )


def test_the_age_tool_opens_the_outer_layer(two):
    assert shutil.which("age"), "the age CLI must be installed (scripts/system-deps --test)"
    run, tmp = two
    run("anna", "contact", "add", str(tmp / "bao.card"), "--verified")
    case = run("anna", "--json", "case", "new", "Emergency")["id"]
    bundle = run(
        "anna",
        "--json",
        "bundle",
        "seal",
        case,
        "--to",
        "Bao",
        "--classic",
        "--out",
        str(tmp / "c.lnb"),
    )["path"]
    run("bao", "identity", "export-age-key", "--x25519", "--out", str(tmp / "bao.key"))
    plain = subprocess.run(
        ["age", "-d", "-i", str(tmp / "bao.key"), bundle], capture_output=True, check=True
    ).stdout
    assert plain.startswith(b"LNBUNDLE\x00\x02")
    other = subprocess.run(
        ["age", "-d", "-i", str(tmp / "bao.key"), str(tmp / "anna.card")], capture_output=True
    )
    assert other.returncode != 0


class _Terminal:
    """Standard input that says it is a terminal (the prompt itself is ``input``)."""

    def isatty(self) -> bool:
        return True


def test_a_bundle_swapped_while_the_user_is_asked_is_refused(two, monkeypatch):
    """An unverified sender's bundle is previewed, the user is asked, then it is applied: a file
    swapped for another valid bundle of the same sender meanwhile is refused, nothing changes."""
    run, tmp = two
    run("anna", "contact", "add", str(tmp / "bao.card"), "--verified")
    run("bao", "contact", "add", str(tmp / "anna.card"))
    case = run("anna", "--json", "case", "new", "State v. Zhou 周某")["id"]
    run("anna", "note", "add", case, "First meeting.")
    first = tmp / "a.lnb"
    run("anna", "bundle", "seal", case, "--to", "Bao", "--out", str(first))
    run("anna", "note", "add", case, "Second meeting.")
    second = tmp / "b.lnb"
    run("anna", "bundle", "seal", case, "--to", "Bao", "--out", str(second))
    usb = tmp / "usb.lnb"
    usb.write_bytes(first.read_bytes())
    monkeypatch.setattr("sys.stdin", _Terminal())

    def swap_then_yes(prompt: str) -> str:
        usb.write_bytes(second.read_bytes())
        return "y"

    monkeypatch.setattr("builtins.input", swap_then_yes)
    out = run("bao", "bundle", "open", str(usb), expect=exit_codes.BUNDLE_REFUSED)
    assert "changed since it was previewed" in out and "Nothing was changed" in out
    assert run("bao", "--json", "case", "list") == []

    # The same conversation without a swap applies what was shown.
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    out = run("bao", "bundle", "open", str(usb))
    assert "Applied." in out and "Second meeting." in out
    assert [c["title"] for c in run("bao", "--json", "case", "list")] == ["State v. Zhou 周某"]


@pytest.mark.parametrize(
    "hostile",
    ["[" * 100_000 + "]" * 100_000, "9" * 5_000],
    ids=["deep-nesting", "5000-digit-integer"],
)
@pytest.mark.parametrize("where", ["manifest", "records"])
@pytest.mark.parametrize("version", [1, 2])
def test_hostile_json_from_a_stranger_is_a_refused_bundle(two, hostile, where, version):
    """A stranger holding only Bao's card signs (with their own key) JSON that once ended in a
    traceback and exit 1: now exit 13, and Bao's vault is as it was."""
    run, tmp = two
    stranger = LawyerIdentity.from_seeds("Sam", b"\x01" * 32, b"\x02" * 32, b"\x03" * 32)
    bao = KeyCard.from_text((tmp / "bao.card").read_text(encoding="utf-8"))
    records = ('{"t":"custody","seq":' + hostile + "}\n").encode() if where == "records" else b""
    manifest = Manifest(
        sender_fingerprint=stranger.key_card().fingerprint,
        sender_node="0123456789abcdef",
        sender_card=stranger.key_card().to_text(),
        mode="keys",
        recipients=(bao.fingerprint,),
        case_id="00000000-0000-4000-8000-000000000001",
        sequence=1,
        base_sequence=0,
        created_at="2026-11-27T14:40:00.000Z",
        records_count=records.count(b"\n"),
        records_size=len(records),
        records_sha256=hashlib.sha256(records).hexdigest(),
        version=version,
        outer_type="mlkem768x25519" if version == 2 else "",
        outer_stanzas=1 if version == 2 else 0,
    ).to_bytes()
    if where == "manifest":
        manifest = manifest.replace(b'"2026-11-27T14:40:00.000Z"', hostile.encode())
    payload = io.BytesIO()
    payload.write(frames.MAGIC_V2 if version == 2 else frames.MAGIC_V1)
    if version == 2:
        frames.write_frame(payload, frames.CARD, stranger.key_card().to_text().encode())
    frames.write_frame(payload, frames.MANIFEST, manifest)
    frames.write_frame(
        payload, frames.SIGNATURE, stranger.signing.sign(CONTEXT_BUNDLE_MANIFEST, manifest)
    )
    frames.write_frame(payload, frames.RECORDS, records)
    frames.write_frame(payload, frames.END, b"")
    bundle = tmp / "hostile.lnb"
    bundle.write_bytes(age.encrypt(payload.getvalue(), [bao.pq]))
    for extra in (["--dry-run"], ["--yes"], []):
        out = run("bao", "bundle", "open", str(bundle), *extra, expect=exit_codes.BUNDLE_REFUSED)
        assert "Traceback" not in out and "Nothing was changed" in out
    assert run("bao", "--json", "case", "list") == []


def test_a_deletion_travels_in_the_next_bundle(two):
    run, tmp = two
    run("anna", "contact", "add", str(tmp / "bao.card"), "--verified")
    run("bao", "contact", "add", str(tmp / "anna.card"), "--verified")
    case = run("anna", "--json", "case", "new", "State v. Sun 孙某")["id"]
    keep = run("anna", "--json", "note", "add", case, "保留")["id"]
    gone = run("anna", "--json", "person", "add", case, "王五")["id"]
    (tmp / "scan.pdf").write_bytes(b"%PDF-1.7 scan" * 300)
    scan = run("anna", "--json", "evidence", "add", case, str(tmp / "scan.pdf"))[0]["id"]
    first = run("anna", "--json", "bundle", "seal", case, "--to", "Bao", "--out", str(tmp))
    run("bao", "bundle", "open", first["path"])
    assert [p["id"] for p in run("bao", "--json", "person", "list", case)] == [gone]
    assert os.listdir(tmp / "bao" / "packs")
    run("anna", "person", "delete", gone)
    run("anna", "evidence", "delete", scan)
    (tmp / "next").mkdir()
    second = run(
        "anna", "--json", "bundle", "seal", case, "--to", "Bao", "--since-last",
        "--out", str(tmp / "next"),
    )  # fmt: skip
    plan = run("bao", "--json", "bundle", "open", second["path"], "--dry-run")
    assert sorted((c["action"], c["id"]) for c in plan["changes"]) == sorted(
        [("delete", gone), ("delete", scan)]
    )
    run("bao", "bundle", "open", second["path"])
    assert run("bao", "--json", "person", "list", case) == []
    assert run("bao", "--json", "evidence", "list", case) == []
    assert os.listdir(tmp / "bao" / "packs") == []  # the file went too, not to quarantine
    assert not (tmp / "bao" / "packs-quarantine").exists()
    assert [n["id"] for n in run("bao", "--json", "note", "list", case)] == [keep]
    assert any(
        e["action"] == "delete" and e["record_id"] == gone
        for e in run("bao", "--json", "log", case)
    )
