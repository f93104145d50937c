"""Search quality, measured: `python -m bench.search` (a `make bench` step).

Each candidate search runs in Chromium on a copy of the built site, served by nginx with the
shipped config, and answers every phrase of the query set (bench/search/queries.toml, written the
way councillors talk). For each: the share of phrases with an answering page in the top 3, and
the mean reciprocal rank of the first answering page in the top 10 (MRR@10). Reported, never
asserted: tests/test_search_bench.py tests the harness, not the figures.
"""
