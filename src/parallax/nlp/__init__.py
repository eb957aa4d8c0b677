"""Shared NLP: one cached spaCy model, paragraph-wise parsing with exact offsets
(``parallax.nlp.pipeline``)."""
