"""Search as the front ends see it: the hit a search returns and how a query splits into words.

``CaseFile.search`` runs the search; the evidence text viewer highlights the same words the
index matched, so it takes the query splitting and the CJK character class from here.
"""

from __future__ import annotations

from lawnotebook.vault.search import SearchHit
from lawnotebook.vault.search.text import CJK_CLASS, query_words

__all__ = ["CJK_CLASS", "SearchHit", "query_words"]
