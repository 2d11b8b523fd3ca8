"""The lawyer's settings of the legality checks (N, M, the serious charges): stored inside the
vault, checked, and used by every finding."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawnotebook.core.errors import InvalidInput
from lawnotebook.core.records import Recording
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.check_settings import (
    CheckSettings,
    check_settings,
    checked_settings,
    set_check_settings,
    split_charges,
)
from lawnotebook.services.legality_check import DEFAULT_SERIOUS_CHARGES, findings_for
from lawnotebook.vault.check_settings import stored_check_settings
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE


@pytest.fixture
def files(vault_dir):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    yield CaseFile(vault)
    vault.close()


def _rules(files, case) -> set[str]:
    return {f.rule for f in findings_for(files, case)}


def test_the_defaults_hold_until_changed_and_are_stored_as_nothing(files):
    assert check_settings(files.conn) == CheckSettings()
    assert check_settings(files.conn).serious_charges == DEFAULT_SERIOUS_CHARGES
    set_check_settings(files.conn, CheckSettings())
    assert stored_check_settings(files.conn) is None


def test_settings_survive_closing_the_vault(vault_dir):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        set_check_settings(vault.connection, CheckSettings(8, 4, ("故意杀人", "走私")))
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as again:
        assert check_settings(again.connection) == CheckSettings(8.0, 4.0, ("故意杀人", "走私"))


def test_n_hours_decides_the_fatigue_finding(files):
    case = files.new_case("王某案")
    # Ten hours of questioning in one day: under the default N = 12, over N = 8.
    files.add_interrogation(case, "2024-03-04 08:00", end="2024-03-04 13:00")
    files.add_interrogation(case, "2024-03-04 14:00", end="2024-03-04 19:00")
    assert "FATIGUE-HOURS-PER-DAY" not in _rules(files, case)
    set_check_settings(files.conn, CheckSettings(max_questioning_hours=8))
    assert "FATIGUE-HOURS-PER-DAY" in _rules(files, case)


def test_the_serious_charges_list_decides_the_recording_finding(files):
    case = files.new_case("李某案", charges=["故意伤害罪"])
    files.add_interrogation(
        case, "2024-03-04 09:00", end="2024-03-04 11:00", recording=Recording.NONE
    )
    assert "CPL123-SERIOUS-NOT-RECORDED" in _rules(files, case)
    # The lawyer: this injury is minor, no life sentence possible — take it off the list.
    kept = tuple(c for c in DEFAULT_SERIOUS_CHARGES if c != "故意伤害")
    set_check_settings(files.conn, CheckSettings(serious_charges=kept))
    assert "CPL123-SERIOUS-NOT-RECORDED" not in _rules(files, case)


@pytest.mark.parametrize(
    ("n", "m", "charges", "says"),
    [
        (0.5, 6, (), "between 1 and 24"),
        (12, 30, (), "between 1 and 24"),
        (12, 6, ("x" * 41,), "at most 40 characters"),
        (12, 6, ("故意\x00杀人",), "control characters"),
        (12, 6, tuple(f"罪{i}" for i in range(201)), "at most 200 entries"),
    ],
)
def test_bad_settings_are_refused_and_nothing_changes(files, n, m, charges, says):
    set_check_settings(files.conn, CheckSettings(10, 5, ("抢劫",)))
    with pytest.raises(InvalidInput, match=says):
        set_check_settings(files.conn, CheckSettings(n, m, charges))
    assert check_settings(files.conn) == CheckSettings(10, 5, ("抢劫",))


def test_an_unreadable_stored_value_falls_back_to_the_defaults(files):
    files.conn.execute(
        "INSERT OR REPLACE INTO vault_meta VALUES ('check_settings', '{\"version\": 99}')"
    )
    assert check_settings(files.conn) == CheckSettings()


def test_a_typed_list_splits_on_chinese_and_ascii_separators():
    assert split_charges("故意杀人，抢劫；拐卖妇女、儿童；绑架\n 放火 ,爆炸;抢劫") == (
        "故意杀人",
        "抢劫",
        "拐卖妇女、儿童",
        "绑架",
        "放火",
        "爆炸",
    )


@given(st.lists(st.text(alphabet="杀人抢劫 ab，、；\n", max_size=8), max_size=10))
def test_checking_a_list_is_idempotent(words):
    once = checked_settings(12, 6, tuple(words)).serious_charges
    assert checked_settings(12, 6, once).serious_charges == once
    assert all(w and w == w.strip() for w in once)
