"""Search: index build time and query latency on a large mixed Chinese/English vault.

    .venv/bin/python bench/search.py [--notes 100000] [--like-queries 20]

Generates ``--notes`` notes of ~1 KB (deterministic RNG: Chinese legal vocabulary, personal names
of 2-3 characters, English sentences) inside a real vault (SQLCipher), then measures:

- building the index over them (``rebuild_index``), and the database size before/after;
- single-record writes (``index_document`` replacing a note, one transaction each);
- 100 queries through ``search()`` with highlighted titles and snippets (1- and 2-character CJK
  queries, terms, names, English words, mixed, a word still being typed), p50/p95/max, as the
  product sends them: without prefix completion (``complete_last_word`` is off in the GUI and
  the CLI);
- prefix completion on its own line: the 10 words being typed, with ``complete_last_word``;
- the baseline in the same run: ``LIKE '%word%'`` over title and body (AND per word), a full
  scan of the same notes, on every ``100 / like-queries``-th query (each takes ~a second).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from lawnotebook.crypto.keywrap import Argon2Params
from lawnotebook.vault.search import Document, index_document, rebuild_index, search
from lawnotebook.vault.vault import Vault

PASSPHRASE = "benchmark passphrase"
FAST_KDF = Argon2Params(memory_kib=8 * 1024, iterations=1, lanes=1, salt=b"\0" * 16)

TERMS = (
    "刑讯逼供 看守所 辩护律师 讯问笔录 非法证据排除 羁押 取保候审 指定居所监视居住 检察院 公安局 "
    "法院 起诉书 判决书 上诉 申诉 再审 证人 证言 鉴定意见 同步录音录像 疲劳审讯 威胁 引诱 欺骗 "
    "殴打 伤情 体检 值班律师 会见 阅卷 辩护意见 量刑 无罪 有罪 供述 翻供 口供 物证 书证 现场勘验 "
    "侦查 侦查人员 审讯室 老虎凳 戒具 手铐 禁止睡眠 家属 通知 拘留 逮捕 批准逮捕 退回补充侦查 "
    "庭前会议 开庭 质证 辩论 最后陈述 二审 死刑复核 人权 律师执业证 司法局 投诉 控告 国家赔偿"
).split()
FILLER = (
    "的 了 在 是 我 他 她 们 这 那 有 和 说 没有 时候 因为 所以 但是 已经 还是 就 都 也 被 把 "
    "对 从 到 向 关于 当时 后来 之前 以后 表示 认为 要求 提出 记录 情况 问题 事实 材料 文件 "
    "时间 地点"
).split()
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红文斌宇浩然子涵欣怡思远"
ENGLISH = (
    "the client said he was interrogated for three days without sleep and signed a confession "
    "that he did not write police officers prosecutor judge court hearing detention centre "
    "lawyer meeting refused denied access medical examination injuries photographs evidence "
    "exclusion motion procedure video recording missing transcript witness statement family "
    "notified arrest warrant appeal retrial torture coerced threatened beaten handcuffed chair "
    "interview notes timeline deadline filing review request petition complaint compensation"
).split()


def make_names(rng: random.Random, n: int) -> list[str]:
    names = set()
    while len(names) < n:
        given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
        names.add(rng.choice(SURNAMES) + given)
    return sorted(names)


def chinese_sentence(rng: random.Random, names: list[str]) -> str:
    words = []
    for _ in range(rng.randint(6, 14)):
        r = rng.random()
        words.append(rng.choice(names) if r < 0.12 else rng.choice(TERMS if r < 0.45 else FILLER))
    return "".join(words) + rng.choice("，。；。")


def english_sentence(rng: random.Random) -> str:
    words = [rng.choice(ENGLISH) for _ in range(rng.randint(8, 16))]
    return " ".join(words).capitalize() + ". "


def make_notes(n: int, seed: int = 20240611) -> list[Document]:
    rng = random.Random(seed)
    names = make_names(rng, 3000)
    notes = []
    for i in range(n):
        parts: list[str] = []
        size = 0
        while size < 1000:
            s = chinese_sentence(rng, names) if rng.random() < 0.55 else english_sentence(rng)
            parts.append(s)
            size += len(s.encode())
        title = rng.choice(TERMS) + " " + rng.choice(ENGLISH) + f" #{i}"
        notes.append(Document(f"note-{i}", f"case-{i % 500}", "note", title, "".join(parts)))
    return notes


QUERIES_BY_GROUP = {
    "1 CJK char": ["供", "押", "证", "律", "审", "殴", "铐", "赔", "睡", "伤"],
    "2 CJK chars": ["逼供", "律师", "羁押", "会见", "翻供", "证言", "阅卷", "口供", "拘留", "审讯"],
    "3-6 CJK chars": [
        "刑讯逼供",
        "看守所",
        "辩护律师",
        "讯问笔录",
        "非法证据排除",
        "取保候审",
        "疲劳审讯",
        "同步录音录像",
        "国家赔偿",
        "死刑复核",
    ],
    "name": [],  # filled from the generated names
    "English": [
        "confession",
        "interrogated",
        "handcuffed",
        "transcript",
        "exclusion",
        "petition",
        "Sleep",
        "coerced",
        "warrant",
        "compensation",
        "photographs",
        "notified",
        "retrial",
        "medical",
        "denied",
    ],
    "mixed": [],  # name + English word
    "prefix": [
        "confes",
        "interrog",
        "handcu",
        "transcr",
        "detent",
        "photo",
        "compens",
        "witn",
        "prosec",
        "exami",
    ],
    "rare / none": [
        "xylophone",
        "量子",
        "Müller",
        "刑讯 xylophone",
        "未出现的词",
        "café",
        "NEAR(逼供",
        '"律师',
        "AND OR NOT",
        "-*:^",
    ],
}


def make_queries(rng: random.Random, names: list[str]) -> list[tuple[str, str]]:
    groups = dict(QUERIES_BY_GROUP)
    chosen = rng.sample(names, 30)
    groups["name"] = chosen[:20]
    groups["mixed"] = [f"{n} {rng.choice(ENGLISH)}" for n in chosen[20:]] + [
        "刑讯逼供 confession",
        "看守所 lawyer",
        "逼供 video",
        "律师 meeting",
        "证人 witness",
    ]
    queries = [(group, q) for group, qs in groups.items() for q in qs]
    assert len(queries) == 100, len(queries)
    return queries


def print_size(conn) -> None:  # type: ignore[no-untyped-def]
    """Pages in use (vault.db keeps freed pages, e.g. after a migration replaced the index)."""
    page, pages, free = (
        int(conn.execute(f"PRAGMA {name}").fetchone()[0])
        for name in ("page_size", "page_count", "freelist_count")
    )
    print(
        f"vault.db {pages * page / 1e6:.0f} MB: {(pages - free) * page / 1e6:.0f} MB in use, "
        f"{free * page / 1e6:.0f} MB free pages"
    )


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def like_scan(conn, query: str) -> int:  # type: ignore[no-untyped-def]
    words = query.split()
    where = " AND ".join("(title LIKE ? OR body LIKE ?)" for _ in words)
    params = [p for w in words for p in (f"%{w}%", f"%{w}%")]
    sql = f"SELECT count(*) FROM bench_note WHERE {where}"  # noqa: S608 -- placeholders only
    return conn.execute(sql, params).fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--like-queries", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="build the vault here and keep it")
    parser.add_argument(
        "--reuse",
        type=Path,
        help="measure the queries on a vault kept by --keep (no generation, build or writes)",
    )
    args = parser.parse_args()
    if args.reuse:
        names = make_names(random.Random(20240611), 3000)
        with Vault.open_with_passphrase(args.reuse, PASSPHRASE) as vault:
            print_size(vault.connection)
            measure_queries(vault.connection, make_queries(random.Random(7), names), args)
        return

    t = time.perf_counter()
    notes = make_notes(args.notes)
    text_bytes = sum(len(n.title.encode()) + len(n.body.encode()) for n in notes)
    print(
        f"generated {len(notes):,} notes, {text_bytes / 1e6:.1f} MB of text "
        f"in {time.perf_counter() - t:.1f} s"
    )
    names = make_names(random.Random(20240611), 3000)
    queries = make_queries(random.Random(7), names)

    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp) / "vault"
        vault, _ = Vault.create(root, PASSPHRASE, kdf=FAST_KDF)
        with vault:
            conn = vault.connection
            conn.execute(
                "CREATE TABLE bench_note (id TEXT PRIMARY KEY, case_id TEXT, title TEXT, body TEXT)"
            )
            conn.execute("BEGIN")
            conn.executemany(
                "INSERT INTO bench_note VALUES (?, ?, ?, ?)",
                ((n.record_id, n.case_id, n.title, n.body) for n in notes),
            )
            conn.execute("COMMIT")
            size_before = root.joinpath("vault.db").stat().st_size

            t = time.perf_counter()
            rebuild_index(conn, notes)
            build = time.perf_counter() - t
            size_after = root.joinpath("vault.db").stat().st_size
            print(
                f"index build: {build:.1f} s ({len(notes) / build:,.0f} notes/s); vault.db "
                f"{size_before / 1e6:.0f} MB of notes -> {size_after / 1e6:.0f} MB with the index "
                f"(index +{(size_after - size_before) / 1e6:.0f} MB)"
            )

            write_times = []
            rng = random.Random(3)
            for i in range(200):
                n = notes[rng.randrange(len(notes))]
                t = time.perf_counter()
                conn.execute("BEGIN")
                index_document(
                    conn,
                    record_id=n.record_id,
                    case_id=n.case_id,
                    kind="note",
                    title=n.title,
                    body=n.body + f" edit {i}",
                )
                conn.execute("COMMIT")
                write_times.append(time.perf_counter() - t)
            print(
                f"index_document (replace one note, own transaction, synchronous=FULL): "
                f"p50 {percentile(write_times, 50) * 1e3:.1f} ms, "
                f"p95 {percentile(write_times, 95) * 1e3:.1f} ms"
            )

            measure_queries(conn, queries, args)


def measure_queries(conn, queries: list[tuple[str, str]], args: argparse.Namespace) -> None:  # type: ignore[no-untyped-def]
    """search() on the 100 queries, with and without a case filter, prefix completion apart,
    and the LIKE scan."""
    search(conn, "warm up the page cache 看守所")
    times: dict[str, list[float]] = {}
    all_times, hits_count = [], []
    for group, q in queries:
        t = time.perf_counter()
        hits = search(conn, q, limit=50)  # as the GUI and the CLI call it: no prefix completion
        elapsed = time.perf_counter() - t
        times.setdefault(group, []).append(elapsed)
        all_times.append(elapsed)
        hits_count.append(len(hits))
    t = time.perf_counter()
    scoped = [search(conn, q, case_id="case-42") for _, q in queries]
    scoped_time = (time.perf_counter() - t) / len(queries)
    prefix_times = []
    for _, q in (gq for gq in queries if gq[0] == "prefix"):
        t = time.perf_counter()
        search(conn, q, limit=50, complete_last_word=True)
        prefix_times.append(time.perf_counter() - t)

    def ms(values: list[float], p: float) -> str:
        return f"{percentile(values, p) * 1e3:6.1f} ms"

    print("\nsearch(), limit 50, highlighted title + snippet, no prefix completion:")
    for group, ts in times.items():
        print(
            f"  {group:<14} p50 {ms(ts, 50)}   p95 {ms(ts, 95)}   max {max(ts) * 1e3:6.1f} ms"
            f"   ({len(ts)})"
        )
    print(
        f"  all 100        p50 {ms(all_times, 50)}   p95 {ms(all_times, 95)}   "
        f"max {max(all_times) * 1e3:6.1f} ms   (mean hits {statistics.mean(hits_count):.0f})"
    )
    print(
        f"  with case filter: mean {scoped_time * 1e3:.1f} ms "
        f"({sum(map(len, scoped))} hits over 100 queries)"
    )
    print(
        f"  prefix completion (complete_last_word=True, off in the product): "
        f"p50 {ms(prefix_times, 50)}   max {max(prefix_times) * 1e3:6.1f} ms   "
        f"({len(prefix_times)} words being typed)"
    )

    step = max(1, len(queries) // args.like_queries)
    sample = list(range(0, len(queries), step))[: args.like_queries]
    like_times, fts_times = [], []
    for i in sample:
        q = queries[i][1]
        t = time.perf_counter()
        like_scan(conn, q)
        like_times.append(time.perf_counter() - t)
        fts_times.append(all_times[i])
    lp50, lp95 = percentile(like_times, 50), percentile(like_times, 95)
    fp50, fp95 = percentile(fts_times, 50), percentile(fts_times, 95)
    print(f"\nLIKE full scan on {len(sample)} of the queries:")
    print(f"  LIKE   p50 {lp50 * 1e3:8.1f} ms   p95 {lp95 * 1e3:8.1f} ms")
    print(f"  search p50 {fp50 * 1e3:8.1f} ms   p95 {fp95 * 1e3:8.1f} ms  (same queries)")
    print(f"  ratio  p50 {lp50 / fp50:8.0f}x    p95 {lp95 / fp95:8.0f}x")
    ratios = sorted(lt / ft for lt, ft in zip(like_times, fts_times, strict=True))
    print(f"  per-query ratio: min {ratios[0]:.0f}x, median {statistics.median(ratios):.0f}x")


if __name__ == "__main__":
    main()
