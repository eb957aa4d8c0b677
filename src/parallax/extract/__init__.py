"""Claim extraction: the figures each article states, what they count, who says them, when.

Entry points live in submodules so importing one helper does not load spaCy:
``parallax.extract.claims.extract_event`` (whole event: parse, claims, date inference,
speaker names), ``extract_article`` (one article), ``speakers.normalise_speakers`` /
``speaker_map`` (reusable by later stages), ``dates.infer_dates``, ``numbers.find_figures``
and ``evaluate.score`` (gold scoring shared by tests and benchmarks).
"""
