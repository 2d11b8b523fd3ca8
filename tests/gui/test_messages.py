"""The sentence the window shows for a failure of each kind, in English and in Chinese."""

from __future__ import annotations

import errno
import inspect
import re

import pytest

from lawnotebook.gui.parts import i18n
from lawnotebook.gui.parts.messages import SENTENCES, Cancelled, cancelled, explain, sentence_for
from lawnotebook.services import errors
from lawnotebook.services.errors import bundle as b
from lawnotebook.services.errors import evidence as e
from lawnotebook.services.errors import vault as v

DAMAGED = (
    "The vault's files are damaged or incomplete, so it was not opened. "
    "Nothing was changed; restore the vault folder from a backup."
)


@pytest.mark.parametrize(
    ("exc", "sentence"),
    [
        # core: the user's own words, and the fallback that keeps the error's text
        (
            errors.InvalidInput("a case needs a title"),
            "This cannot be saved: a case needs a title.",
        ),
        (
            errors.InvalidDate("2016-02-30"),
            "Not a date Lawnotebook understands. Write for example 2016-07-15, 2016-07-15 14:30, "
            "2016-07, before 2016-06-15, about 1997, or between 2016-07 and 2016-09.",
        ),
        (errors.LawnotebookError("not a key card"), "This did not work: not a key card."),
        # key cards, recovery keys, the owner's own keys
        (
            errors.KeyCardForged("bad self-signature"),
            "This key card was altered after it was made (its signature does not match), "
            "so it was not added. Ask your colleague for a fresh copy.",
        ),
        (errors.KeyCardError("x"), "This key card cannot be used, so it was not added."),
        (
            errors.RecoveryKeyMalformed("group 3"),
            "That is not a valid recovery key: a character is wrong or missing. "
            "Compare it with your printed copy, group by group.",
        ),
        (
            errors.SecretIdentityMalformed("x"),
            "Your own keys, kept inside this vault, are damaged, so nothing can be sealed or "
            "opened with them. Restore the vault from a backup.",
        ),
        (errors.ContactExists("Bao"), "This colleague is already in your list."),
        # the vault
        (
            v.WrongPassphrase("x"),
            "That passphrase does not unlock this vault. Check Caps Lock and try again.",
        ),
        (v.HeaderMissing("vault.header"), DAMAGED),
        (v.DatabaseNotOurs("x"), DAMAGED),
        (
            v.VaultError("the vault is closed"),
            "The vault was locked before this could finish. Unlock it and try again.",
        ),
        (v.RecordNotFound("ffffffff"), "That item no longer exists."),
        # bundles
        (
            b.BundleReplayed("x"),
            "This bundle (or a newer one from the same colleague) was already opened here. "
            "Nothing was changed.",
        ),
        (
            b.WrongCase("x"),
            "This bundle tries to change a case it does not carry, so it was refused. "
            "Nothing was changed.",
        ),
        (b.BundleError("x"), "This bundle was refused, and nothing was changed."),
        # evidence: SourceChanged is a SourceUnreadable with a sentence of its own
        (
            e.SourceChanged("x"),
            "The file changed while it was being added, so nothing was stored. "
            "Wait until it is complete, then add it again.",
        ),
        (
            e.SourceUnreadable("x"),
            "That file could not be read (is it a folder, or not yours to read?).",
        ),
        (
            e.BlobNotFound("x"),
            "Part of this evidence file is missing from the vault folder. "
            "Restore the vault from a backup.",
        ),
        (e.EvidenceError("x"), "The evidence file could not be used."),
        # the computer, the user, and everything else
        (
            PermissionError(errno.EACCES, "Permission denied"),
            "The computer refused to read or write a file (Permission denied). "
            "Nothing was changed.",
        ),
        (
            OSError("no errno"),
            "The computer refused to read or write a file (OSError). Nothing was changed.",
        ),
        (Cancelled(), "Cancelled. Nothing was written."),
        (
            KeyError("x"),
            "Something went wrong inside Lawnotebook (KeyError). Nothing was changed.",
        ),
        (
            errors.ClockDrift("x"),  # converted before the window; a bare ValueError if not
            "Something went wrong inside Lawnotebook (ClockDrift). Nothing was changed.",
        ),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, BaseException) else "",
)
def test_explain_says_the_sentence_for_each_kind_of_failure(exc, sentence):
    assert explain(exc) == sentence


def test_only_cancelling_is_no_error():
    assert cancelled(Cancelled())
    assert cancelled(e.IntakeCancelled("x"))
    assert not cancelled(b.BundleError("x"))


@pytest.fixture
def chinese(qapp):
    assert i18n.install("zh_CN") == "zh_CN"
    yield
    i18n.install("en")


def test_explain_speaks_chinese(chinese):
    assert explain(v.WrongPassphrase("x")) == "该口令无法解锁此保险库。请检查大写锁定键后重试。"
    assert explain(errors.InvalidInput("案件名称为空")) == "无法保存：案件名称为空。"
    assert explain(v.HeaderCorrupt("x")) == (
        "保险库文件已损坏或不完整，因此未能打开。未作任何更改；请从备份中恢复保险库文件夹。"
    )
    assert explain(v.VaultError("the vault is closed")) == (
        "此操作完成之前保险库已被锁定。请解锁保险库后重试。"
    )
    assert explain(KeyError("x")) == "Lawnotebook 内部出错（KeyError）。未作任何更改。"


# -- every error type, with the English detail its raiser gives it ---------------------------

DETAIL = "header slot 2 failed its check at /home/ana/vault"  # English for logs, never shown


def _error_types() -> list[type[BaseException]]:
    """Every error class the window can meet: all the lower layers re-export through
    services.errors (tests/test_error_tables.py checks none is missing), and Cancelled."""
    found: set[type[BaseException]] = {Cancelled}
    for value in vars(errors).values():
        for obj in vars(value).values() if inspect.ismodule(value) else [value]:
            if (
                inspect.isclass(obj)
                and issubclass(obj, BaseException)
                and obj.__module__.startswith("lawnotebook.")
            ):
                found.add(obj)
    return sorted(found, key=lambda cls: (cls.__module__, cls.__qualname__))


ERROR_TYPES = _error_types()


def test_the_walk_finds_the_error_types():
    assert {v.WrongPassphrase, b.BundleTampered, e.BlobCorrupt, errors.KeyCardForged} <= set(
        ERROR_TYPES
    )
    assert len(ERROR_TYPES) > 50


@pytest.mark.parametrize(
    "cls", ERROR_TYPES, ids=lambda cls: f"{cls.__module__.rsplit('.', 1)[-1]}.{cls.__name__}"
)
def test_every_error_type_is_one_plain_sentence(cls):
    exc = cls(DETAIL)
    text = explain(exc)
    assert text[0].isupper() and text.endswith("."), text
    assert "{" not in text and "}" not in text and "\n" not in text
    assert "Traceback" not in text and "lawnotebook." not in text
    internal = sentence_for(cls) == SENTENCES[BaseException]
    if internal:  # only an error no boundary converted: it says so, by name, and nothing else
        assert (
            text
            == f"Something went wrong inside Lawnotebook ({cls.__name__}). Nothing was changed."
        )
    else:
        camel = re.search("[a-z][A-Z]", cls.__name__) is not None
        assert not camel or cls.__name__ not in text  # "Cancelled." is a word, not a class
        assert "Error" not in text
    # The raiser's English detail is shown only where the sentence is built around it.
    assert (DETAIL in text) == ("{detail}" in sentence_for(cls))


@pytest.mark.parametrize("cls", ERROR_TYPES, ids=lambda cls: cls.__name__)
def test_only_cancelling_is_silent(cls):
    assert cancelled(cls(DETAIL)) == issubclass(cls, e.IntakeCancelled | Cancelled)


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        (FileNotFoundError(errno.ENOENT, "No such file or directory", "/cases/刘志强.pdf"), None),
        (PermissionError(errno.EACCES, "Permission denied", "/cases/刘志强.pdf"), None),
        (IsADirectoryError(errno.EISDIR, "Is a directory", "/cases/刘志强"), None),
        (OSError(errno.ENOSPC, "No space left on device"), None),
        (OSError(errno.EXDEV, "Invalid cross-device link", "/a/刘志强", "/b/刘志强"), None),
        (OSError("a message with no errno: /cases/刘志强"), "OSError"),
    ],
    ids=["not-found", "permission", "directory", "disk-full", "two-paths", "no-errno"],
)
def test_a_refused_file_operation_says_why_and_never_names_the_file(exc, reason):
    text = explain(exc)
    why = reason or exc.strerror
    assert text == f"The computer refused to read or write a file ({why}). Nothing was changed."
    assert "刘志强" not in text and "/cases" not in text  # a path can name the client


@pytest.mark.parametrize(
    "cls", [c for c in ERROR_TYPES if c in SENTENCES], ids=lambda c: c.__name__
)
def test_every_own_sentence_is_said_in_chinese(chinese, cls):
    text = explain(cls(DETAIL))
    english = SENTENCES[cls].format(detail=DETAIL, name=cls.__name__)
    assert text != english
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text)
