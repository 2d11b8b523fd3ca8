"""``check settings``: show or change the settings of the legality checks (N hours of
questioning in 24 hours, M hours of rest, the serious charges), kept inside the vault."""

from __future__ import annotations

import argparse

from lawnotebook.cli.context import CliContext
from lawnotebook.services.check_settings import (
    CheckSettings,
    check_settings,
    set_check_settings,
    split_charges,
)

_WORDS = {
    "en": (
        "Too many hours of questioning: more than {n:g} h in some 24 hours",
        "Real rest: at least {m:g} h",
        "Serious charges ({k}): {list}",
        "(the defaults)",
    ),
    "zh": (
        "讯问时间过长：某二十四小时内超过 {n:g} 小时",
        "充分休息：至少 {m:g} 小时",
        "重罪（{k} 项）：{list}",
        "（默认设置）",
    ),
}


def wants_settings(args: argparse.Namespace) -> bool:
    return list(args.words) == ["settings"]


def given(args: argparse.Namespace) -> bool:
    """Whether a settings option was given."""
    return args.defaults or any(
        getattr(args, name) is not None for name in ("max_hours", "min_rest", "serious")
    )


def cmd_check_settings(ctx: CliContext, args: argparse.Namespace, language: str) -> int:
    with ctx.open_vault() as vault:
        conn = vault.connection
        now = check_settings(conn)
        if args.defaults:
            now = set_check_settings(conn, CheckSettings())
        if args.max_hours is not None or args.min_rest is not None or args.serious is not None:
            now = set_check_settings(
                conn,
                CheckSettings(
                    now.max_questioning_hours if args.max_hours is None else args.max_hours,
                    now.min_rest_hours if args.min_rest is None else args.min_rest,
                    now.serious_charges if args.serious is None else split_charges(args.serious),
                ),
            )
    zh = language.lower().startswith("zh")
    hours, rest, serious, default = _WORDS["zh" if zh else "en"]
    joined = ("；" if zh else "; ").join(now.serious_charges)
    lines = [
        hours.format(n=now.max_questioning_hours),
        rest.format(m=now.min_rest_hours),
        serious.format(k=len(now.serious_charges), list=joined),
    ]
    if now.is_default:
        lines.append(default)
    ctx.emit(
        {
            "max_questioning_hours": now.max_questioning_hours,
            "min_rest_hours": now.min_rest_hours,
            "serious_charges": list(now.serious_charges),
            "default": now.is_default,
        },
        "\n".join(lines),
    )
    return 0


def add_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument(
        "--max-hours", type=float, metavar="N", help="(settings) hours of questioning in 24 h"
    )
    check.add_argument("--min-rest", type=float, metavar="M", help="(settings) hours of rest")
    check.add_argument(
        "--serious",
        metavar="LIST",
        help="(settings) the serious charges, separated by commas, semicolons or new lines",
    )
    check.add_argument(
        "--defaults", action="store_true", help="(settings) back to the default settings"
    )
