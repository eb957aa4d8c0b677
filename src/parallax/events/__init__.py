"""Events in a stream of articles: streaming clustering, its evaluation, the engines.

``parallax cluster`` reads a feed, cuts it into chunks (``source``), runs the
per-chunk stages on an engine (``stages``, ``engines``: a process pool or Ray),
groups the articles into events as they arrive (``features``, ``stream``) and
writes each event in the report's input format (``job``). ``evaluate`` scores a
clustering against gold events.
"""
