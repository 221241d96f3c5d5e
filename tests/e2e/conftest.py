"""Shared fixtures of the browser tests: the seed converted now, its site, and headless Chromium.

In: the seed text and its data file (converted with ``lefort_tei.pipeline.convert``, never a stale
``tei/`` file). Out: ``seed_tei`` (a TEI path), ``seed_site`` (the built site folder), ``browser``
(Debian's Chromium through Playwright; never downloads a browser), ``open_page`` (a page that
records console errors), and ``SCREENSHOTS`` (``artifacts/screenshots/``, gitignored).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lefort_tei.pipeline import convert

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "lefort-contradiction-of-trotsky.txt"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def seed_tei(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tei") / f"{SEED.stem}.xml"
    out.write_bytes(convert(SEED).encoded.data)
    return out


@pytest.fixture(scope="session")
def seed_site(seed_tei, tmp_path_factory) -> Path:
    from lefort_tei.render.site import build_site

    site = tmp_path_factory.mktemp("site")
    build_site([seed_tei], site)
    return site


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class RecordingPage:
    """A Playwright page that keeps every console error and uncaught exception."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        # a request cut short by a navigation (a reload while the favicon loads) is not a broken
        # resource; a missing file is (net::ERR_FILE_NOT_FOUND)
        page.on("requestfailed", lambda r: self.errors.append(f"failed request: {r.url} ({r.failure})")
                if r.failure != "net::ERR_ABORTED" else None)


@pytest.fixture
def open_page(browser):
    """``open_page(path, width=1280)`` → a RecordingPage showing ``file://path``."""
    contexts = []

    def _open(path: Path, width: int = 1280, height: int = 900) -> RecordingPage:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        recording = RecordingPage(context.new_page())
        recording.page.goto(Path(path).resolve().as_uri())
        return recording

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS
