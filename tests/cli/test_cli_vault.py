"""The vault commands as a user or a script runs them: output, exit codes, nothing changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from lawnotebook.cli import exit_codes
from lawnotebook.cli.main import main
from lawnotebook.vault.keychain import MemoryKeyStore
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE, snapshot


@pytest.fixture
def secret_files(tmp_path):
    files = {}
    for name, value in {"pw": PASSPHRASE, "new": "brand new 密码", "bad": "wrong"}.items():
        files[name] = tmp_path / f"{name}.txt"
        files[name].write_text(value + "\n", encoding="utf-8")
    return files


def run(*argv, keystore=None):
    return main(list(argv), keystore=keystore or MemoryKeyStore())


def test_init_then_status_json(vault_dir, secret_files, capsys):
    fast = ["--kdf-memory-mib", "8", "--kdf-iterations", "1"]
    assert (
        run(
            "--vault",
            str(vault_dir),
            "--passphrase-file",
            str(secret_files["pw"]),
            "--json",
            "init",
            *fast,
        )
        == 0
    )
    created = json.loads(capsys.readouterr().out)
    assert len(created["recovery_key"]) == 41

    assert (
        run(
            "--vault",
            str(vault_dir),
            "--passphrase-file",
            str(secret_files["pw"]),
            "status",
            "--json",
        )
        == 0
    )
    status = json.loads(capsys.readouterr().out)
    assert status["vault"] == str(vault_dir)
    assert status["schema_version"] >= 1
    assert status["kdf"]["argon2id_memory_kib"] == 8192
    assert status["remembered_on_device"] is False


def test_passwd_and_recover(new_vault, secret_files, tmp_path, capsys):
    path, recovery = new_vault
    base = ["--vault", str(path), "--passphrase-file"]
    assert (
        run(
            *base,
            str(secret_files["pw"]),
            "passwd",
            "--new-passphrase-file",
            str(secret_files["new"]),
        )
        == 0
    )
    assert run(*base, str(secret_files["pw"]), "status") == exit_codes.WRONG_SECRET
    assert "does not unlock" in capsys.readouterr().err
    assert run(*base, str(secret_files["new"]), "status") == 0

    key_file = tmp_path / "recovery.txt"
    key_file.write_text(recovery.formatted())
    assert (
        run(
            "--vault",
            str(path),
            "recover",
            "--recovery-key-file",
            str(key_file),
            "--new-passphrase-file",
            str(secret_files["pw"]),
        )
        == 0
    )
    assert run(*base, str(secret_files["pw"]), "status") == 0


def test_wrong_secrets_change_nothing(new_vault, secret_files, tmp_path, capsys):
    path, recovery = new_vault
    before = snapshot(path)
    assert (
        run(
            "--vault",
            str(path),
            "--passphrase-file",
            str(secret_files["bad"]),
            "passwd",
            "--new-passphrase-file",
            str(secret_files["new"]),
        )
        == exit_codes.WRONG_SECRET
    )
    typo = tmp_path / "typo.txt"
    text = recovery.formatted()
    typo.write_text(("Z" if text[0] != "Z" else "Y") + text[1:])  # one character off
    assert (
        run(
            "--vault",
            str(path),
            "recover",
            "--recovery-key-file",
            str(typo),
            "--new-passphrase-file",
            str(secret_files["new"]),
        )
        == exit_codes.WRONG_SECRET
    )
    assert "not a valid recovery key" in capsys.readouterr().err
    assert snapshot(path) == before


def test_flag_beats_environment(new_vault, secret_files, monkeypatch, tmp_path):
    path, _ = new_vault
    monkeypatch.setenv("LAWNOTEBOOK_PASSPHRASE", "wrong")
    assert run("--vault", str(path), "status") == exit_codes.WRONG_SECRET
    assert run("--vault", str(path), "--passphrase-file", str(secret_files["pw"]), "status") == 0
    monkeypatch.setenv("LAWNOTEBOOK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("LAWNOTEBOOK_VAULT", str(tmp_path / "elsewhere"))
    assert run("status") == exit_codes.VAULT_MISSING
    assert run("--vault", str(path), "status") == 0


def test_exit_codes(new_vault, secret_files, tmp_path, capsys):
    path, _ = new_vault
    pw = ["--passphrase-file", str(secret_files["pw"])]
    assert run("--no-such-flag") == exit_codes.USAGE
    assert run("--vault", str(tmp_path / "none"), *pw, "status") == exit_codes.VAULT_MISSING
    with Vault.open_with_passphrase(path, PASSPHRASE):
        assert run("--vault", str(path), *pw, "status") == exit_codes.VAULT_BUSY
    assert "already open" in capsys.readouterr().err
    assert run("--vault", str(path), *pw, "init") == exit_codes.VAULT_EXISTS
    (path / "vault.header").write_text("{}")
    assert run("--vault", str(path), *pw, "status") == exit_codes.VAULT_DAMAGED
    assert "damaged" in capsys.readouterr().err


def test_remember_and_lock(new_vault, secret_files, capsys):
    path, _ = new_vault
    store = MemoryKeyStore()
    args = ["--vault", str(path)]
    assert run(*args, "--passphrase-file", str(secret_files["pw"]), "remember", keystore=store) == 0
    assert run(*args, "--json", "status", keystore=store) == 0  # no passphrase needed
    capsys.readouterr()
    assert run(*args, "--json", "lock", keystore=store) == 0
    assert json.loads(capsys.readouterr().out) == {"forgotten": True}
    assert run(*args, "status", keystore=store) == exit_codes.USAGE  # no tty, no passphrase


def test_remember_without_a_keychain_says_so(new_vault, secret_files, capsys):
    path, _ = new_vault
    from lawnotebook.vault.keychain import NoKeyStore

    code = run(
        "--vault",
        str(path),
        "--passphrase-file",
        str(secret_files["pw"]),
        "remember",
        keystore=NoKeyStore("This computer has no system keychain."),
    )
    assert code == exit_codes.USAGE
    assert "no system keychain" in capsys.readouterr().err


def _cli(*argv, env_extra=None, **kw):
    env = {**os.environ, "LAWNOTEBOOK_KEYCHAIN": "off", **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "lawnotebook", *argv],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        **kw,
    )


def test_real_process_no_command_prints_what_to_do(tmp_path):
    # No command opens the window; with no display at all (a server, ssh) it cannot, and the
    # guidance is printed instead, with the reason.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-m", "lawnotebook"],
        capture_output=True,
        text=True,
        env={**env, "LAWNOTEBOOK_KEYCHAIN": "off", "LAWNOTEBOOK_VAULT": str(tmp_path / "v")},
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert result.returncode == 0
    assert "no graphical display" in result.stdout
    assert "lawnotebook init" in result.stdout and str(tmp_path / "v") in result.stdout


def test_real_process_init_status_and_missing_passphrase(tmp_path):
    vault = tmp_path / "v"
    env = {"LAWNOTEBOOK_PASSPHRASE": "from the environment"}
    created = _cli(
        "--vault",
        str(vault),
        "init",
        "--kdf-memory-mib",
        "8",
        "--kdf-iterations",
        "1",
        env_extra=env,
    )
    assert created.returncode == 0, created.stderr
    assert "RECOVERY KEY" in created.stdout
    status = _cli("--vault", str(vault), "--json", "status", env_extra=env)
    assert status.returncode == 0 and json.loads(status.stdout)["schema_version"] >= 1
    no_secret = _cli("--vault", str(vault), "status")
    assert no_secret.returncode == exit_codes.USAGE
    assert "Passphrase needed" in no_secret.stderr


def test_calibrated_init_is_default(tmp_path, secret_files, capsys):
    # No KDF flags: the header gets calibrated Argon2id (>= 64 MiB).
    vault = tmp_path / "v"
    assert run("--vault", str(vault), "--passphrase-file", str(secret_files["pw"]), "init") == 0
    header = json.loads((vault / "vault.header").read_text())
    assert header["slots"]["passphrase"]["kdf"]["memory_kib"] >= 64 * 1024
    assert FAST_KDF.memory_kib < 64 * 1024


# -- passwd --rotate-key, progress, hostile headers (issue 15, points 4 and 7) -----------------


def test_passwd_rotate_key(new_vault, secret_files, tmp_path, capsys):
    import shutil

    path, old_recovery = new_vault
    old_header = (path / "vault.header").read_bytes()
    base = ["--vault", str(path), "--passphrase-file"]
    code = run(*base, str(secret_files["pw"]), "--json", "passwd", "--rotate-key",
               "--keep-passphrase")  # fmt: skip
    captured = capsys.readouterr()
    assert code == 0, captured.err
    result = json.loads(captured.out)
    assert result["key_rotated"] is True and result["changed"] is False
    assert "Deriving the key" in captured.err
    assert run(*base, str(secret_files["pw"]), "status") == 0
    new_key = tmp_path / "new-recovery.txt"
    new_key.write_text(result["recovery_key"])
    old_key = tmp_path / "old-recovery.txt"
    old_key.write_text(old_recovery.formatted())
    recover = ["--vault", str(path), "recover", "--new-passphrase-file", str(secret_files["new"])]
    assert run(*recover, "--recovery-key-file", str(old_key)) == exit_codes.WRONG_SECRET
    assert run(*recover, "--recovery-key-file", str(new_key)) == 0
    # an old header copy with the old passphrase is refused as not this vault's key
    stolen = tmp_path / "stolen"
    stolen.mkdir()
    shutil.copy(path / "vault.db", stolen / "vault.db")
    (stolen / "vault.header").write_bytes(old_header)
    capsys.readouterr()
    code = run("--vault", str(stolen), "--passphrase-file", str(secret_files["pw"]), "status")
    assert code == exit_codes.VAULT_DAMAGED


def test_passwd_rotate_key_with_a_new_passphrase_says_what_it_protects(
    new_vault, secret_files, capsys
):
    path, _ = new_vault
    base = ["--vault", str(path), "--passphrase-file"]
    code = run(*base, str(secret_files["pw"]), "passwd", "--rotate-key",
               "--new-passphrase-file", str(secret_files["new"]))  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert "NEW RECOVERY KEY" in out and "does not re-encrypt" in out
    assert run(*base, str(secret_files["pw"]), "status") == exit_codes.WRONG_SECRET
    assert run(*base, str(secret_files["new"]), "status") == 0


def test_keep_passphrase_needs_rotate_key(new_vault, secret_files):
    path, _ = new_vault
    code = run("--vault", str(path), "--passphrase-file", str(secret_files["pw"]), "passwd",
               "--keep-passphrase")  # fmt: skip
    assert code == exit_codes.USAGE


@pytest.mark.parametrize(
    "damage",
    [
        lambda t: "[" * 30_000 + "]" * 30_000,
        lambda t: t.replace('"version": 1', '"version": ' + "9" * 5000),
        lambda t: t.replace('"version": 1', '"version": true'),
        lambda t: t.replace('"memory_kib": 8192', '"memory_kib": 4194304').replace(
            '"iterations": 1', '"iterations": 64'
        ),
    ],
    ids=["nested", "huge-int", "bool-version", "minutes-of-kdf"],
)
def test_hostile_header_is_damaged_not_exit_1(new_vault, secret_files, capsys, damage):
    path, _ = new_vault
    header = path / "vault.header"
    header.write_text(damage(header.read_text()))
    code = run("--vault", str(path), "--passphrase-file", str(secret_files["pw"]), "status")
    assert code == exit_codes.VAULT_DAMAGED
    err = capsys.readouterr().err
    assert "damaged" in err and "Deriving" not in err
