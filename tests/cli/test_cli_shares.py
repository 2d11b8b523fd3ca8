"""Recovery shares from the command line: ``shares make``, ``shares open`` in a colleague's
vault, and ``recover --shares`` on a new machine; every wrong set refused with its sentence and
nothing changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lawnotebook.cli import exit_codes
from lawnotebook.cli.main import main
from lawnotebook.services.colleagues import Colleagues
from lawnotebook.vault.keychain import NoKeyStore
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE, snapshot

NEW = "a brand new passphrase 新的"


@pytest.fixture
def env(tmp_path, monkeypatch, capsys):
    """A lawyer's vault (its recovery key in a file), a colleague's vault with the lawyer
    knowing the colleague's card, and ``run(vault, *argv, expect=0)``."""
    lawyer, recovery = Vault.create(tmp_path / "lawyer", PASSPHRASE, kdf=FAST_KDF)
    lawyer.close()
    colleague, _ = Vault.create(tmp_path / "colleague", PASSPHRASE, kdf=FAST_KDF)
    with colleague:
        card = Colleagues(colleague).rename("Li Wei").card_text
    (tmp_path / "li.card").write_text(card, encoding="utf-8")
    (tmp_path / "key.txt").write_text(recovery.formatted() + "\n", encoding="utf-8")
    (tmp_path / "new.txt").write_text(NEW + "\n", encoding="utf-8")
    monkeypatch.setenv("LAWNOTEBOOK_PASSPHRASE", PASSPHRASE)

    def run(vault, *argv, expect=0):
        code = main(["--vault", str(tmp_path / vault), *argv], keystore=NoKeyStore("off"))
        out, err = capsys.readouterr()
        assert code == expect, out + err
        return json.loads(out) if "--json" in argv and code == 0 else out + err

    run("lawyer", "contact", "add", str(tmp_path / "li.card"), "--verified")
    return tmp_path, run


def _make(env_, threshold=2, count=3, *extra):
    tmp, run = env_
    made = run(
        "lawyer",
        "shares",
        "make",
        "--threshold",
        str(threshold),
        "--count",
        str(count),
        "--recovery-key-file",
        str(tmp / "key.txt"),
        *extra,
        "--json",
    )
    return made


def _share_files(tmp: Path, words: list[str], tag="s") -> list[str]:
    paths = []
    for i, text in enumerate(words):
        path = tmp / f"{tag}{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def _recover(run, files, expect=0, vault="lawyer", tmp=None):
    args = [arg for f in files for arg in ("--share-file", f)]
    return run(
        vault,
        "recover",
        "--shares",
        *args,
        "--new-passphrase-file",
        str(tmp / "new.txt"),
        expect=expect,
    )


def test_two_of_three_on_a_new_machine_sets_a_new_passphrase(env, tmp_path, monkeypatch):
    tmp, run = env
    made = _make(env)
    assert made["threshold"] == 2 and made["count"] == 3 and len(made["sheets"]) == 3
    assert {s["number"] for s in made["sheets"]} == {1, 2, 3}
    words = [s["words"] for s in made["sheets"]]
    # a new machine: empty home, no settings, no keychain; only the vault folder and 2 sheets
    home = tmp_path / "fresh-home"
    home.mkdir()
    for var in ("HOME", "USERPROFILE", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        monkeypatch.setenv(var, str(home))
    monkeypatch.delenv("LAWNOTEBOOK_PASSPHRASE")
    out = _recover(run, _share_files(tmp, [words[2], words[0]]), tmp=tmp)
    assert "New passphrase set" in out
    Vault.open_with_passphrase(tmp / "lawyer", NEW).close()
    with pytest.raises(Exception, match="does not unlock"):
        Vault.open_with_passphrase(tmp / "lawyer", PASSPHRASE)


def test_a_printed_sheet_typed_back_whole_is_read(env):
    tmp, run = env
    out = run(
        "lawyer",
        "shares",
        "make",
        "--threshold",
        "2",
        "--count",
        "2",
        "--recovery-key-file",
        str(tmp / "key.txt"),
    )
    assert "any 2 of them recover the vault" in out
    assert "stop working when the vault's key is changed" in out
    sheets = out.split("-" * 72)[1:]
    assert len(sheets) == 2
    assert "Vault: " in sheets[0] and "Recovery key check: " in sheets[0]
    _recover(run, _share_files(tmp, sheets), tmp=tmp)
    Vault.open_with_passphrase(tmp / "lawyer", NEW).close()


def test_a_share_sealed_to_a_colleague_opens_only_in_their_vault(env):
    tmp, run = env
    out_dir = tmp / "out"
    out_dir.mkdir()
    made = _make(env, 2, 3, "--seal-to", "Li Wei", "--out", str(out_dir))
    (sealed,) = made["sealed"]
    assert sealed["sealed_to"] == "Li Wei" and "words" not in sealed
    assert [s["number"] for s in made["sheets"]] == [2, 3]
    file = Path(sealed["file"])
    assert file.name == "recovery-share-1-of-3.lnshare"
    data = file.read_bytes()
    assert b"-----BEGIN AGE ENCRYPTED FILE-----" in data
    assert not any(w.encode() in data for s in made["sheets"] for w in s["words"].split())

    opened = run("colleague", "shares", "open", str(file), "--json")
    assert opened["number"] == 1 and opened["threshold"] == 2
    assert opened["vault_id"] == made["vault_id"]
    text = run("colleague", "shares", "open", str(file))
    assert "Lawnotebook recovery share: 1 of 3" in text

    refused = run("lawyer", "shares", "open", str(file), expect=exit_codes.WRONG_SECRET)
    assert "sealed to another colleague" in refused

    # the colleague's words and one printed sheet recover the lawyer's vault
    _recover(run, _share_files(tmp, [opened["words"], made["sheets"][1]["words"]]), tmp=tmp)
    Vault.open_with_passphrase(tmp / "lawyer", NEW).close()


def test_making_shares_needs_this_vaults_current_recovery_key(env):
    tmp, run = env
    other, key = Vault.create(tmp / "other", PASSPHRASE, kdf=FAST_KDF)
    other.close()
    (tmp / "otherkey.txt").write_text(key.formatted())
    out = run(
        "lawyer",
        "shares",
        "make",
        "--threshold",
        "2",
        "--count",
        "3",
        "--recovery-key-file",
        str(tmp / "otherkey.txt"),
        expect=exit_codes.WRONG_SECRET,
    )
    assert "does not belong to this vault" in out
    out = run(
        "lawyer",
        "shares",
        "make",
        "--threshold",
        "1",
        "--count",
        "3",
        "--recovery-key-file",
        str(tmp / "key.txt"),
        expect=exit_codes.BAD_INPUT,
    )
    assert "choose between 2 and 16 shares" in out


def _refused(env, files, sentence):
    tmp, run = env
    before = snapshot(tmp / "lawyer")
    out = _recover(run, files, expect=exit_codes.WRONG_SECRET, tmp=tmp)
    assert sentence in out
    assert snapshot(tmp / "lawyer") == before


def test_one_share_of_two_is_refused(env):
    words = [s["words"] for s in _make(env)["sheets"]]
    _refused(env, _share_files(env[0], words[:1]), "Not enough recovery shares")


def test_a_mistyped_word_is_refused(env):
    words = [s["words"] for s in _make(env)["sheets"]]
    typo = words[1].split()
    typo[4] = typo[4][:-1] + ("x" if typo[4][-1] != "x" else "y")
    _refused(
        env,
        _share_files(env[0], [words[0], " ".join(typo)]),
        "A recovery share does not read",
    )


def test_the_same_share_twice_is_refused(env):
    words = [s["words"] for s in _make(env)["sheets"]]
    _refused(env, _share_files(env[0], [words[0], words[0]]), "given twice")


def test_shares_of_another_vault_are_refused(env):
    tmp, run = env
    other, key = Vault.create(tmp / "other", PASSPHRASE, kdf=FAST_KDF)
    other.close()
    (tmp / "otherkey.txt").write_text(key.formatted())
    made = run(
        "other",
        "shares",
        "make",
        "--threshold",
        "2",
        "--count",
        "3",
        "--recovery-key-file",
        str(tmp / "otherkey.txt"),
        "--json",
    )
    words = [s["words"] for s in made["sheets"]]
    _refused(env, _share_files(tmp, words[:2]), "is for another vault")


def test_shares_from_before_a_key_change_are_refused(env):
    tmp, run = env
    words = [s["words"] for s in _make(env)["sheets"]]
    out = run("lawyer", "passwd", "--rotate-key", "--keep-passphrase")
    assert "NEW RECOVERY KEY" in out
    _refused(env, _share_files(tmp, words[:2]), "for an older recovery key of this vault")
