"""The law the rules cite: every cited article is vendored, verbatim, with its source; the
package imports nothing but core and the standard library."""

from __future__ import annotations

import ast
import hashlib
import re
import sys
from pathlib import Path

from lawnotebook.legality import ARTICLES, LAWS, RULES
from lawnotebook.legality.articles import REFERENCE_FILE

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "lawnotebook" / "legality"
# SHA-256 over (law|number|text|source) of every article, computed from the reference file
# (law/interrogation-rules.zh.md) independently of articles.py when the texts were vendored.
DIGEST = "4e1d2874b49143d9089d27315f4504b71eb3e1c82ff2c57d7d0206f63c024be3"
CHINESE_NUMBER = re.compile(r"第[一二三四五六七八九十百零]+ ?条")


def test_every_cited_article_is_vendored():
    missing = [
        (r.id, c.law, c.number)
        for r in RULES
        for c in r.articles
        if (c.law, c.number) not in ARTICLES
    ]
    assert not missing


def test_every_vendored_article_is_cited_and_names_its_source():
    cited = {(c.law, c.number) for r in RULES for c in r.articles}
    assert set(ARTICLES) == cited
    for key, article in ARTICLES.items():
        assert article.law in LAWS
        assert re.fullmatch(r"LawRefBook/Laws, .+\.md, [0-9a-f]{40}", article.source), key
        assert f"（art. {article.number}）" in article.heading
        assert CHINESE_NUMBER.match(article.text), key
    assert REFERENCE_FILE.endswith("interrogation-rules.zh.md")


def test_texts_are_as_copied_from_the_reference_file():
    h = hashlib.sha256()
    for (law, number), a in sorted(ARTICLES.items()):
        h.update(f"{law}|{number}|{a.text}|{a.source}\n".encode())
    assert h.hexdigest() == DIGEST
    # The source's own defect is kept, not corrected.
    assert ARTICLES[("SPC-2021", 124)].text.startswith("第一百二十四 条采用")


def test_rules_are_bilingual_and_unique():
    assert len({r.id for r in RULES}) == len(RULES)
    for rule in RULES:
        for words in (rule.title, rule.explanation):
            assert words.en and words.zh and words.en != words.zh
            assert re.search(r"[\u4e00-\u9fff]", words.zh), rule.id
        assert rule.articles


def test_the_package_imports_only_core_and_the_standard_library():
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                ours = name.startswith(("lawnotebook.core", "lawnotebook.legality"))
                if not ours and (top == "lawnotebook" or top not in sys.stdlib_module_names):
                    bad.append(f"{path.name}: {name}")
                if top in ("sqlite3",):
                    bad.append(f"{path.name}: {name}")
    assert not bad


def test_the_user_document_lists_every_rule_and_setting():
    from dataclasses import fields

    from lawnotebook.legality import Params

    text = (PACKAGE.parents[2] / "docs" / "legality-checks.md").read_text(encoding="utf-8")
    assert [r.id for r in RULES if f"### {r.id} — " not in text] == []
    assert [f.name for f in fields(Params) if f"`{f.name}`" not in text] == []
    for article in ARTICLES.values():
        assert article.source.split(", ")[-1] in text
