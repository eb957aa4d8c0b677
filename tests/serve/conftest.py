"""The headless Chromium of tests/report/test_browser.py, shared with the app's tests."""

from tests.report.test_browser import driver  # noqa: F401 (a fixture)
