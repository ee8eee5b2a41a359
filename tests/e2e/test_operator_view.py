"""Issue 15 in Chromium: where the talks stand, and why, on the demo and the eight dev stories.

A worker of its own is fed the demo snippets, every dev story (read from ../shared at run time)
and one invented report that names no process. Every page is loaded at 400 px and at 1400 px,
must be no wider than the window, and is saved under tests/artifacts/screenshots/<width>/.
"""

import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import launched_browser, shoot
from tests.integration.conftest import Worker

WIDTHS = (400, 1400)
PROCESS = "RU--UA"
STORY_SNIPPET = "riyadh-jeddah-2025-01"  # its source is a long page address
PLAN_MARKS = {"passed", "upcoming", "postponed", "cancelled", "held"}


@pytest.fixture(scope="module")
def browser(chromium: Path, stories_worker: Worker) -> Iterator[Any]:
    # This module's browser waits for its own worker to be fed (see conftest's `browser`).
    yield from launched_browser(chromium)


def processes_on_the_overview(page: Any, base: str) -> list[str]:
    page.goto(base + "/ui")
    return list(
        page.locator("article.process").evaluate_all("cards => cards.map(c => c.dataset.process)")
    )


def overflow(page: Any) -> tuple[int, list[str]]:
    """How wide the document is, and the elements that stick out of the window, if any."""
    width = int(page.evaluate("() => document.documentElement.scrollWidth"))
    culprits = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 5)
            .map(el => el.tagName + '.' + el.className + ' '
                + (el.textContent || '').slice(0, 60))"""
    )
    return width, list(culprits)


def test_no_page_is_wider_than_the_window(browser: Any, stories_worker: Worker) -> None:
    base = stories_worker.base_url
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(20_000)
        processes = processes_on_the_overview(page, base)
        assert PROCESS in processes and len(processes) >= 9
        pages = {
            "overview": "/ui",
            "process": f"/ui/process/{PROCESS}",
            "process-story": "/ui/process/IL--IR",
            "process-unknown-404": "/ui/process/NO--SUCH",
            "timeline": "/ui/timeline",
            "timeline-process": f"/ui/timeline?process={PROCESS}&type=strike&type=talks",
            "evidence": f"/ui/evidence/{STORY_SNIPPET}",
            "strikes": "/ui/strikes",
            "strikes-all": "/ui/strikes?process=all&by=weapon",
            "tables": "/ui/tables",
            "table": "/ui/tables/negotiations",
            "table-key": f"/ui/tables/casualty_claims/{PROCESS}",
            "health": "/ui/health",
            "overview-as-of": "/ui?as_of=2025-04-01T00:00:00Z",
        }
        # Every process page is measured; two of them are kept as pictures.
        measured = {**pages, **{f"p-{p}": f"/ui/process/{p}" for p in processes}}
        too_wide = []
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            for name, path in measured.items():
                page.goto(base + path)
                wide, culprits = overflow(page)
                if wide > width:
                    too_wide.append((width, path, wide, culprits))
                if name in pages:
                    shoot(page, f"{width}/{name}")
        assert not too_wide, too_wide
    finally:
        context.close()


def test_overview_cards_say_where_the_talks_stand_and_why(
    page: Any, stories_worker: Worker
) -> None:
    page.goto(stories_worker.base_url + "/ui")
    cards = page.locator("article.process")
    keys = cards.evaluate_all("cards => cards.map(c => c.dataset.process)")
    assert keys[-1] == "unassigned"  # the newest card, and still last
    updated = cards.evaluate_all("cards => cards.map(c => c.dataset.updated)")[:-1]
    assert updated == sorted(updated, reverse=True)  # newest activity first

    card = page.locator(f'article.process[data-process="{PROCESS}"]')
    assert card.locator("h2 a").inner_text() == "Russia – Ukraine"
    assert card.locator("h2 .key").inner_text() == PROCESS
    for key in keys[:-1]:
        card = page.locator(f'article.process[data-process="{key}"]')
        because = card.locator("p.because q.sentence")
        assert because.count() == 1 and because.inner_text().strip(), key
        assert card.locator("p.because a.evidence").count() == 1, key
        last_round = card.locator("dd.last-round").inner_text()
        assert last_round and last_round != "none reported", key
        assert card.locator("dd.next-meeting").inner_text(), key
        assert card.locator("dd.last-measure").count() == 1, key
        assert card.locator("dd.claims").count() == 1, key
    ru = page.locator(f'article.process[data-process="{PROCESS}"]')
    assert "Abu Dhabi" in ru.locator("dd.last-round").inner_text()
    assert "United States" in ru.locator("dd.next-meeting").inner_text()
    # "further meetings were planned soon, probably in the United States": no date is invented.
    assert ru.locator("dd.next-meeting .certainty").inner_text() == "no date"
    assert "territory" in ru.locator("dd.sticking").inner_text()
    assert "Ukraine" not in ru.locator("dt:text('Mediators') + dd").inner_text()
    # The live indicator sits in the header, not in a column of its own.
    assert page.locator("header .live #live-status").count() == 1
    assert page.locator("main .live").count() == 0


def test_process_pages_read_in_date_order(page: Any, stories_worker: Worker) -> None:
    base = stories_worker.base_url
    marks: set[str] = set()
    for process in processes_on_the_overview(page, base):
        page.goto(f"{base}/ui/process/{process}")
        assert page.locator("nav.toc a[href='#rounds']").count() == 1
        summary = page.locator("#summary")
        assert summary.locator("p.because").count() == 1
        assert summary.locator("dd.last-round").count() == 1
        assert summary.locator("dd.next-meeting").count() == 1
        days = page.locator("#rounds tr.round").evaluate_all("rows => rows.map(r => r.dataset.day)")
        dated = [day for day in days if day]
        assert dated == sorted(dated), (process, days)
        assert days == dated + [""] * (len(days) - len(dated)), process  # undated last
        found = page.locator("#planned tr.plan").evaluate_all("r => r.map(x => x.dataset.mark)")
        assert set(found) <= PLAN_MARKS, (process, found)
        marks.update(found)
        positions = page.locator("#issues td[data-label=Position]").all_inner_texts()
        assert not {"public_statement", "quotation"} & {p.split()[0] for p in positions if p}
        assert "None–None" not in page.locator("main").inner_text()
        # A sentence keeps its own quotation marks; the page adds none around it.
        added = page.locator("q.sentence").first.evaluate("q => getComputedStyle(q).quotes")
        assert added == "none", added
    assert "passed" in marks  # plans of 2022–2025 are behind the newest report


def test_process_page_claims_and_sources(page: Any, stories_worker: Worker) -> None:
    page.goto(f"{stories_worker.base_url}/ui/process/{PROCESS}")
    claims = page.locator("#claims table.claims")
    heads = claims.locator("thead th").all_inner_texts()
    assert heads[0] == "Claimant" and "About Russia" in heads and "About Ukraine" in heads
    assert claims.locator("tbody tr").count() >= 5  # every claimant visible, none scrolled away
    # A story gives its page address as the source: it is a link, named by its site.
    page.goto(f"{stories_worker.base_url}/ui/evidence/{STORY_SNIPPET}")
    assert page.locator("dd.source").inner_text().startswith("https://")
    page.goto(f"{stories_worker.base_url}/ui/process/{PROCESS}")
    link = page.locator("#rounds a.source-link").first
    assert link.get_attribute("href", timeout=5_000).startswith("https://")


def test_unknown_process_lists_the_known_ones(page: Any, stories_worker: Worker) -> None:
    base = stories_worker.base_url
    known = processes_on_the_overview(page, base)
    response = page.goto(base + "/ui/process/NO--SUCH")
    assert response is not None and response.status == 404
    assert "NO--SUCH" in page.locator("#error").inner_text()
    listed = page.locator("#known-processes li").evaluate_all(
        "li => li.map(x => x.dataset.process)"
    )
    assert listed == known
    page.locator("#known-processes a", has_text="Russia – Ukraine").click()
    page.wait_for_url(f"**/ui/process/{PROCESS}")


def test_timeline_by_event_date_one_row_per_sentence(page: Any, stories_worker: Worker) -> None:
    page.goto(stories_worker.base_url + "/ui/timeline?limit=2000")
    rows = page.locator("#events tr.event")
    days = rows.evaluate_all("rows => rows.map(r => r.dataset.day)")
    assert len(days) > 100
    assert days == sorted(days, reverse=True)
    sentences = rows.evaluate_all("rows => rows.map(r => r.dataset.sentence)")
    assert len(sentences) == len(set(sentences))  # one row per sentence
    badges = rows.evaluate_all("rows => rows.map(r => r.querySelectorAll('.type').length)")
    assert max(badges) >= 2  # a sentence read as two types shows both
    assert "published" in rows.first.inner_text()


def test_strikes_on_a_time_axis_for_one_process(page: Any, stories_worker: Worker) -> None:
    base = stories_worker.base_url
    page.goto(base + "/ui/strikes")
    chosen = page.locator("#f-process").input_value()
    assert chosen and chosen not in ("all", "unassigned")
    ticks = page.locator("#strike-chart text.tick").evaluate_all("t => t.map(x => x.textContent)")
    assert ticks and all(t[:4].isdigit() for t in ticks)  # every label carries its year
    page.goto(base + f"/ui/strikes?process={PROCESS}")
    series = set(
        page.locator("#strike-chart rect.bar").evaluate_all("b => b.map(x => x.dataset.series)")
    )
    assert any(s.endswith("(no town named)") for s in series), series
    one = page.locator("#strike-chart rect.bar").count()
    page.goto(base + "/ui/strikes?process=all")
    assert page.locator("#strike-chart rect.bar").count() > one
    # Bars sit at their day: a later day is further right, and a gap of months shows as one.
    xs = page.locator("#strike-chart rect.bar").evaluate_all(
        "b => b.map(x => [x.dataset.day, parseFloat(x.getAttribute('x'))])"
    )
    by_day = sorted({day: x for day, x in xs}.items())
    assert [x for _, x in by_day] == sorted(x for _, x in by_day)


def test_json_of_the_overview_keeps_its_shape(stories_worker: Worker) -> None:
    try:
        with urllib.request.urlopen(stories_worker.base_url + "/api/ui/overview", timeout=10) as r:
            body = r.read().decode()
    except urllib.error.HTTPError as error:  # pragma: no cover - reported by the assert
        body = str(error)
    for field in ('"name"', '"last_round"', '"next_meeting"', '"claims"', '"sticking_points"'):
        assert field in body, field
