"""Your name, law firm and licence number from the command line (issue 16, point 5):
``init --name --firm --licence``, ``identity set``, ``identity show``; a colleague's new card."""

from __future__ import annotations

import json

from lawnotebook.cli import exit_codes
from lawnotebook.cli.main import main
from lawnotebook.vault.keychain import NoKeyStore
from support import PASSPHRASE

FAST = ["--kdf-memory-mib", "8", "--kdf-iterations", "1"]


def _run(capsys, vault, *argv, expect=0):
    code = main(["--vault", str(vault), *argv], keystore=NoKeyStore("off"))
    out, err = capsys.readouterr()
    assert code == expect, err
    return json.loads(out) if "--json" in argv and code == 0 else out + err


def test_init_takes_the_name_firm_and_licence(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LAWNOTEBOOK_PASSPHRASE", PASSPHRASE)
    vault = tmp_path / "v"
    made = _run(
        capsys, vault, "--json", "init", *FAST,
        "--name", "张伟", "--firm", "北京市明德律师事务所", "--licence", "11101201910123456",
    )  # fmt: skip
    assert made["owner"]["name"] == "张伟"
    shown = _run(capsys, vault, "--json", "identity", "show")
    assert (shown["name"], shown["firm"], shown["licence"]) == (
        "张伟",
        "北京市明德律师事务所",
        "11101201910123456",
    )
    assert shown["fingerprint"] == made["owner"]["fingerprint"]
    text = _run(capsys, vault, "identity", "show")
    assert "Law firm: 北京市明德律师事务所" in text and "Licence number: 11101201910123456" in text


def test_init_refuses_an_unusable_name_and_makes_no_vault(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LAWNOTEBOOK_PASSPHRASE", PASSPHRASE)
    vault = tmp_path / "v"
    _run(capsys, vault, "init", *FAST, "--name", "x" * 200, expect=exit_codes.BAD_INPUT)
    assert not vault.exists()


def test_init_without_a_name_says_how_to_give_one(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LAWNOTEBOOK_PASSPHRASE", PASSPHRASE)
    out = _run(capsys, tmp_path / "v", "init", *FAST)
    assert "identity set --name" in out


def test_identity_set_changes_what_is_given_and_keeps_the_fingerprint(cli):
    before = cli("--json", "identity", "show")
    after = cli("--json", "identity", "set", "--name", "李明", "--licence", "123")
    assert after["name"] == "李明" and after["licence"] == "123" and after["firm"] == ""
    assert after["fingerprint"] == before["fingerprint"]
    assert cli("--json", "identity", "set", "--firm", "某所")["licence"] == "123"
    assert cli("--json", "identity", "set", "--licence", "")["licence"] == ""
    assert "Send it again" in cli("identity", "set", "--name", "李 明")
    assert "give --name" in cli("identity", "set", expect=exit_codes.USAGE)
    card = cli("--json", "identity", "show")["card"]
    assert "李 明" in card


def test_a_colleagues_reissued_card_renames_the_contact(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LAWNOTEBOOK_PASSPHRASE", PASSPHRASE)
    anna, bao = tmp_path / "anna", tmp_path / "bao"
    for vault in (anna, bao):
        _run(capsys, vault, "init", *FAST)
    card = tmp_path / "bao.card"
    _run(capsys, bao, "identity", "export", "--out", str(card))
    first = _run(capsys, anna, "--json", "contact", "add", str(card))
    _run(capsys, bao, "identity", "set", "--name", "鲍律师")
    _run(capsys, bao, "identity", "export", "--out", str(card))
    again = _run(capsys, anna, "--json", "contact", "add", str(card))
    assert again["id"] == first["id"] and again["name"] == "鲍律师"
    assert again["renamed_from"] == "Lawnotebook user"
    listed = _run(capsys, anna, "--json", "contact", "list")
    assert [c["name"] for c in listed] == ["鲍律师"]
