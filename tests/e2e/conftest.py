"""Browser tier: a real headless Chromium against a `parley worker` fed through the real broker.

Chromium is Debian's (`scripts/browser` installs it); Playwright drives it through
`executable_path` and downloads nothing. A missing browser or broker fails the tier, never
skips it. Screenshots go to tests/artifacts/screenshots/.
"""

import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import orjson
import pytest

from schemas.events import EVENT_TYPES
from tests.integration.conftest import (  # noqa: F401  (bootstrap is a fixture used here)
    ARTIFACTS,
    ROOT,
    SHARED_CORPUS,
    Worker,
    bootstrap,
    new_worker,
)
from tests.integration.kafka_helpers import produce

CHROMIUM = Path(os.environ.get("PARLEY_CHROMIUM", "/usr/bin/chromium"))
# Without these, Chromium stalls on a closed network (updates, sync, QUIC probes).
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
SCREENSHOTS = ARTIFACTS / "screenshots"
SEED = ROOT / "examples" / "seed-snippets.jsonl"
INJECTION = "<script>window.__pwned=1</script>"
EVIL_ID = "e2e-injection"
EVIL_SNIPPET = {
    "id": EVIL_ID,
    "text": f"Russian drones struck Kharkiv overnight {INJECTION}, the governor said.",
    "published_at": "2026-02-06T08:00:00Z",
    "source": "<b>injected</b> wire",
    "url": "javascript:window.__pwned=2",
}
# Published while a page is open, to see it update: a process the seed does not have.
LIVE_SNIPPET = {
    "id": "e2e-live",
    "text": "Delegations from Armenia and Azerbaijan met in Washington on Monday for peace talks "
    "mediated by the United States.",
    "published_at": "2026-03-02T10:00:00Z",
    "source": "e2e live feed",
}
ALL_TYPES = list(EVENT_TYPES)
STORIES = SHARED_CORPUS / "dev" / "stories"
# Invented: talks and a strike that name no process, published after everything else, so that
# the `unassigned` card is the newest and must still come last.
UNASSIGNED_SNIPPET = {
    "id": "e2e-unassigned",
    "text": "Negotiators met in a neutral city on Monday for a second round of talks, officials "
    "said. A drone strike hit a depot overnight.",
    "published_at": "2027-01-10T09:00:00Z",
    "source": "e2e invented wire",
}


def story_snippets() -> list[dict[str, Any]]:
    """The dev stories' snippets, read at run time (never copied into the repository)."""
    files = sorted(
        path
        for path in STORIES.glob("*.jsonl")
        if not path.name.endswith((".sentences.jsonl", ".gold.jsonl"))
    )
    if not files:
        pytest.fail(f"no dev stories under {STORIES}")
    return [
        orjson.loads(line)
        for path in files
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e" in str(item.path):
            item.add_marker(pytest.mark.integration)


def off_loop(function: Callable[..., Any], *args: Any) -> Any:
    """Run a helper that calls asyncio.run() on a thread of its own.

    Playwright's sync API keeps an event loop running on the test thread, where asyncio.run()
    refuses to start; the Kafka helpers are synchronous wrappers over aiokafka.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args).result()


def publish(worker: Worker, snippets: list[dict[str, Any]]) -> None:
    messages = [(s["id"].encode(), orjson.dumps(s)) for s in snippets]
    off_loop(produce, worker.bootstrap, worker.topic("snippets"), messages)


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        pytest.fail(f"no Chromium at {CHROMIUM}; install it with `scripts/browser`")
    return CHROMIUM


@pytest.fixture(scope="session")
def web_worker(bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Worker]:  # noqa: F811
    """One worker with the seed snippets, the script-injection snippet and one dead letter."""

    def feed(running: Worker) -> None:
        publish(running, [*_seed(), EVIL_SNIPPET])
        off_loop(produce, bootstrap, running.topic("snippets"), [(b"broken", b"{not json")])

    yield from _fed_worker(bootstrap, tmp_path_factory.mktemp("web-worker-data"), feed)


@pytest.fixture(scope="session")
def stories_worker(bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Worker]:  # noqa: F811
    """A worker of its own with the demo snippets, every dev story and one unassigned report."""

    def feed(running: Worker) -> None:
        publish(running, [*_seed(), *story_snippets(), UNASSIGNED_SNIPPET])

    yield from _fed_worker(bootstrap, tmp_path_factory.mktemp("stories-worker-data"), feed)


def _seed() -> list[Any]:
    return [orjson.loads(line) for line in SEED.read_text("utf-8").splitlines() if line]


def _fed_worker(address: str, data: Path, feed: Callable[[Worker], None]) -> Iterator[Worker]:
    """A running worker, fed by `feed` and settled, stopped once its tests are done."""
    running = new_worker(address, data)
    running.start()
    try:
        feed(running)
        off_loop(settle_patiently, running)
        yield running
    finally:
        running.stop()


def settle_patiently(worker: Worker, timeout: float = 180.0) -> None:
    """`settle`, tolerating a health request that times out while the worker folds a thousand
    events on a busy machine."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            worker.settle(ALL_TYPES, timeout)
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(1)


def launch(playwright: Any, chromium: Path) -> Any:
    # Playwright gives each launch a fresh, temporary user-data-dir.
    return playwright.chromium.launch(
        executable_path=str(chromium), args=CHROMIUM_ARGS, headless=True
    )


@pytest.fixture(scope="module")
def browser(chromium: Path, web_worker: Worker) -> Iterator[Any]:
    # Depends on the worker so that the worker is fed before Playwright's loop is running.
    # Module scope: Playwright's sync API keeps an event loop running in this thread until it
    # stops, and every later test that calls asyncio.run() would fail.

    yield from launched_browser(chromium)


def launched_browser(chromium: Path) -> Iterator[Any]:
    """A headless Chromium driven by Playwright, closed when its user is done."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = launch(playwright, chromium)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(20_000)
    try:
        yield opened
    finally:
        context.close()


def shoot(page: Any, name: str) -> Path:
    path = SCREENSHOTS / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    return path
