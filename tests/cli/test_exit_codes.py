"""The command line's table: the nearest class with a row decides the code and the sentence."""

from __future__ import annotations

from lawnotebook.cli import exit_codes
from lawnotebook.services import errors


def test_a_subclass_takes_its_own_row_before_its_base():
    assert exit_codes.classify(errors.bundle.BundleReplayed("bundle 3 from Bao")) == (
        exit_codes.BUNDLE_REFUSED,
        "Already done: bundle 3 from Bao. Nothing was changed.",
    )
    assert exit_codes.classify(errors.bundle.WrongCase("a note of another case")) == (
        exit_codes.BUNDLE_REFUSED,
        "Bundle refused: a note of another case. Nothing was changed.",
    )


def test_an_error_without_a_row_of_its_own_says_its_text():
    assert exit_codes.classify(errors.age.PayloadError("final chunk is empty")) == (
        exit_codes.BAD_INPUT,
        "final chunk is empty",
    )


def test_an_unexpected_error_is_an_internal_error():
    assert exit_codes.classify(KeyError("x")) == (
        exit_codes.INTERNAL_ERROR,
        "Internal error (KeyError); nothing was changed.",
    )
