"""``check CASE``: the legality findings of a case's custody history and interrogations; ``check
review CASE REF``: mark one reviewed or dismissed (with a reason), or withdraw the mark."""

from __future__ import annotations

import argparse
from typing import Any

from lawnotebook.cli import check_settings_commands
from lawnotebook.cli.context import CliContext
from lawnotebook.cli.languages import LANGUAGES, report_language
from lawnotebook.cli.records_output import short
from lawnotebook.cli.secrets_input import UsageError
from lawnotebook.core.errors import InvalidInput
from lawnotebook.core.records import Case
from lawnotebook.services import legality_check as lc
from lawnotebook.services.case_file import CaseFile

_CERTAINTY = {
    "en": {"violated": "VIOLATED", "possible": "possible", "not_checkable": "not checkable"},
    "zh": {"violated": "违反", "possible": "可能", "not_checkable": "无法检查"},
}
_SEVERITY = {
    "en": {"high": "high", "medium": "medium", "low": "low"},
    "zh": {"high": "高", "medium": "中", "low": "低"},
}
_STATE = {
    "en": {"reviewed": "reviewed", "dismissed": "dismissed", "open": ""},
    "zh": {"reviewed": "已审阅", "dismissed": "不采用", "open": ""},
}
_WORDS = {
    "en": {
        "sessions": "sessions",
        "events": "custody events",
        "uncertain": "uncertain",
        "missing": "missing",
        "reason": "reason",
        "changed": "changed since it was marked {state}",
        "none": "No findings.",
        "count": "{n} finding(s), rule set {version}.",
        "hidden": "{n} dismissed finding(s) not shown (--dismissed shows them).",
    },
    "zh": {
        "sessions": "讯问",
        "events": "羁押事件",
        "uncertain": "不确定",
        "missing": "缺少",
        "reason": "理由",
        "changed": "标记为“{state}”后已有变化",
        "none": "没有检查结果。",
        "count": "共 {n} 条检查结果，规则集 {version}。",
        "hidden": "另有 {n} 条不采用的结果未显示（加 --dismissed 显示）。",
    },
}


def _lang(language: str) -> str:
    return "zh" if language.lower().startswith("zh") else "en"


def finding_json(c: lc.CheckedFinding) -> dict[str, Any]:
    """A finding as data: both languages, its articles' citations, the mark that holds."""
    f = c.finding
    rule = lc.rule(f)
    sessions, events = lc.record_ids(f)
    return {
        "ref": c.ref,
        "key": f.key,
        "fingerprint": f.fingerprint,
        "rule": f.rule,
        "title": {"en": rule.title.en, "zh": rule.title.zh},
        "certainty": f.certainty.value,
        "severity": f.severity.value,
        "sessions": sessions,
        "events": events,
        "computed": {"en": f.computed.en, "zh": f.computed.zh},
        "uncertain": [{"en": w.en, "zh": w.zh} for w in f.uncertain],
        "missing": [{"en": w.en, "zh": w.zh} for w in f.missing],
        "articles": [
            {
                "law": cite.law,
                "number": cite.number,
                "part": cite.part,
                "cited": {"en": lc.cite_text(cite, "en"), "zh": lc.cite_text(cite, "zh")},
                "text": text.text,
            }
            for cite, text in lc.articles(f)
        ],
        "review": c.state.value,
        "changed_since_review": c.changed,
        "reason": c.review.reason if c.review else "",
    }


def finding_text(c: lc.CheckedFinding, language: str) -> str:
    """Lines for one finding: rule, certainty, severity, sessions, computed text, articles."""
    lang = _lang(language)
    words = _WORDS[lang]
    f = c.finding
    rule = lc.rule(f)
    state = _STATE[lang][c.state.value]
    head = (
        f"[{c.ref}] {_CERTAINTY[lang][f.certainty.value]} · {_SEVERITY[lang][f.severity.value]}"
        f" · {f.rule} {rule.title.text(lang)}" + (f" · {state}" if state else "")
    )
    colon = "：" if lang == "zh" else ": "
    lines = [head, f"    {f.computed.text(lang)}"]
    sessions, events = lc.record_ids(f)
    if sessions:
        lines.append(f"    {words['sessions']}{colon}{', '.join(short(s) for s in sessions)}")
    if events:
        lines.append(f"    {words['events']}{colon}{', '.join(short(e) for e in events)}")
    for label, items in (("uncertain", f.uncertain), ("missing", f.missing)):
        if items:
            lines.append(f"    {words[label]}{colon}{'; '.join(w.text(lang) for w in items)}")
    for cite, _text in lc.articles(f):
        lines.append(f"    {lc.cite_text(cite, lang)}")
    if c.review is not None and c.review.reason:
        lines.append(f"    {words['reason']}{colon}{c.review.reason}")
    if c.changed and c.review is not None:
        marked = _STATE[lang].get(c.review.state.value) or c.review.state.value
        lines.append(f"    ({words['changed'].format(state=marked)})")
    return "\n".join(lines)


def cmd_check(ctx: CliContext, args: argparse.Namespace) -> int:
    if check_settings_commands.wants_settings(args):
        return check_settings_commands.cmd_check_settings(
            ctx, args, report_language(getattr(args, "lang", None))
        )
    if check_settings_commands.given(args):
        raise UsageError(
            "--max-hours, --min-rest, --serious and --defaults go with: check settings"
        )
    review = args.words[0] == "review" and len(args.words) > 1
    if review and (len(args.words) != 3 or args.state is None):
        raise UsageError(
            "use: check review CASE REF --reviewed|--dismissed|--reopen [--reason TEXT]"
        )
    if not review and (len(args.words) != 1 or args.state == "reviewed" or args.reason):
        raise UsageError("use: check CASE [--dismissed] [--json], or check review CASE REF ...")
    language = report_language(getattr(args, "lang", None))
    with ctx.open_vault() as vault:
        files = CaseFile(vault)
        case = files.case(args.words[1] if review else args.words[0])
        found = lc.by_severity(lc.checked_findings(files, case))
        if review:
            return _review(ctx, files, case, found, args, language)
    show_dismissed = args.state == "dismissed"
    shown = [c for c in found if show_dismissed or not c.dismissed]
    hidden = len(found) - len(shown)
    words = _WORDS[_lang(language)]
    text = "\n\n".join(finding_text(c, language) for c in shown) or words["none"]
    text += "\n\n" + words["count"].format(n=len(shown), version=lc.RULESET_VERSION)
    if hidden:
        text += "\n" + words["hidden"].format(n=hidden)
    ctx.emit([finding_json(c) for c in shown], text)
    return 0


def _review(
    ctx: CliContext,
    files: CaseFile,
    case: Case,
    found: list[lc.CheckedFinding],
    args: argparse.Namespace,
    language: str,
) -> int:
    chosen = lc.find_finding(found, args.words[2])
    state = lc.ReviewState(args.state)
    if state is lc.ReviewState.DISMISSED and not (args.reason or "").strip():
        raise InvalidInput("a dismissed finding needs a reason (--reason)")
    lc.mark(files, case, chosen.finding, state, args.reason or "")
    again = lc.find_finding(lc.checked_findings(files, case), chosen.key)
    ctx.emit(finding_json(again), finding_text(again, language))
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add ``check CASE`` and ``check review CASE REF`` to the CLI."""
    check = sub.add_parser(
        "check",
        parents=[common],
        help="legality checks of a case's custody and interrogations (findings citing the law)",
        usage="lawnotebook check CASE [--dismissed] [--json] [--lang LANG]\n"
        "       lawnotebook check review CASE REF --reviewed|--dismissed|--reopen "
        "[--reason TEXT]\n"
        "       lawnotebook check settings [--max-hours N] [--min-rest M] [--serious LIST] "
        "[--defaults]",
        description="Print the findings of the legality checks, most severe first: rule, "
        "certainty, severity, sessions and custody events, what was computed, the articles. "
        "'check review CASE REF' marks one (REF: the reference in brackets, or the key); "
        "a dismissal needs --reason. 'check settings' shows or changes the thresholds and the "
        "serious charges every check uses. A case called 'review' or 'settings' is named by "
        "its id.",
    )
    check.add_argument("words", nargs="+", metavar="CASE", help="CASE, or: review CASE REF")
    how = check.add_mutually_exclusive_group()
    how.add_argument(
        "--reviewed", dest="state", action="store_const", const="reviewed", help="(review)"
    )
    how.add_argument(
        "--dismissed",
        dest="state",
        action="store_const",
        const="dismissed",
        help="check: show dismissed findings too; review: dismiss the finding",
    )
    how.add_argument(
        "--reopen", dest="state", action="store_const", const="open", help="(review) withdraw"
    )
    check.add_argument("--reason", help="(review) why; required to dismiss")
    check.add_argument(
        "--lang",
        metavar="LANG",
        default=argparse.SUPPRESS,
        help=f"language of the findings: {' or '.join(LANGUAGES)} (default: the system's)",
    )
    check_settings_commands.add_arguments(check)
    check.set_defaults(func=cmd_check, state=None)
