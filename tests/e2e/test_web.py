"""The operator web view in a real headless Chromium, against a worker fed through Kafka.

The tests run in file order on one worker: the live-update test adds a process, and the last
test starts a second worker of the same app.
"""

import time
import urllib.error
import urllib.request
from typing import Any

import orjson

from schemas.snippet import Snippet
from streams.core.read import typer
from streams.core.read.extract import extract_events
from streams.settings import get_settings
from tests.e2e.conftest import EVIL_ID, INJECTION, LIVE_SNIPPET, SEED, publish, shoot
from tests.integration.conftest import ARTIFACTS, Worker, http_get, new_worker

PROCESS = "RU--UA"
BEFORE_EVIL = "2026-02-05T13:00:00Z"  # after demo-05 and demo-06, before every other snippet


def _events_before(moment: str) -> int:
    """The seed's events of PROCESS published before `moment`, as the core reads them in the
    worker's typing mode (the settings': the worker inherits this process's environment)."""
    with typer.mode(get_settings().typer):
        return sum(
            1
            for line in SEED.read_text("utf-8").splitlines()
            if line and (row := orjson.loads(line))["published_at"] < moment
            for event in extract_events(Snippet(**row))
            if event.process == PROCESS
        )


def pwned(page: Any) -> Any:
    return page.evaluate("() => window.__pwned === undefined ? null : window.__pwned")


def test_overview_shows_the_seeded_process(page: Any, web_worker: Worker) -> None:
    page.goto(web_worker.base_url + "/ui")
    card = page.locator(f'article.process[data-process="{PROCESS}"]')
    card.wait_for()
    text = card.inner_text()
    assert "Russia" in text and "Ukraine" in text  # parties
    assert "United States" in text  # mediator
    assert "Last round" in text and "Next meeting" in text
    assert card.locator("ul.recent li").count() == 3
    assert card.locator("a.evidence").count() >= 1
    assert page.locator("body[data-live]").count() == 1
    assert pwned(page) is None
    shoot(page, "01-overview")


def test_process_page_timeline_claims_and_evidence(page: Any, web_worker: Worker) -> None:
    page.goto(web_worker.base_url + f"/ui/process/{PROCESS}")
    rounds = page.locator("#rounds")
    assert "Abu Dhabi" in rounds.inner_text()
    assert rounds.locator("tr.round").count() >= 1
    assert page.locator("#issues section.issue").count() >= 1
    assert "prisoner exchange" in page.locator("#measures").inner_text().replace("_", " ")
    assert "314" in page.locator("#measures").inner_text()
    claimants = page.locator("#claims table.claims tbody tr")
    assert claimants.count() >= 2  # conflicting figures side by side, never averaged
    assert page.locator("#statements h3").count() >= 2
    shoot(page, "02-process")

    # Every fact links to its evidence: the sentence highlighted in its snippet.
    rounds.locator("details.sources summary").first.click()
    fact = page.locator("#rounds details.sources[open] li").first
    sentence = fact.locator("q.sentence").inner_text()
    fact.locator("a.evidence").click()
    page.wait_for_url("**/ui/evidence/**")
    highlighted = page.locator("mark#highlight").inner_text()
    assert highlighted.strip() == sentence.strip()
    assert page.locator("dd.source").inner_text() != ""
    shoot(page, "03-evidence")


def test_timeline_filters_on_the_server(page: Any, web_worker: Worker) -> None:
    page.goto(web_worker.base_url + "/ui/timeline")
    rows = page.locator("#events tr.event")
    everything = rows.count()
    assert everything > 10
    types = set(" ".join(rows.evaluate_all("rows => rows.map(r => r.dataset.types)")).split())
    assert {"talks", "strike", "statement"} <= types

    page.select_option("#f-type", ["strike"])
    page.click("#f-apply")
    page.wait_for_url("**type=strike**")
    strikes = page.locator("#events tr.event")
    assert 0 < strikes.count() < everything
    assert set(strikes.evaluate_all("rows => rows.map(r => r.dataset.type)")) == {"strike"}
    shoot(page, "04-timeline-strikes")

    page.goto(web_worker.base_url + "/ui/timeline?actor=zelenskyy")
    by_actor = page.locator("#events tr.event")
    assert 0 < by_actor.count() < everything
    for text in by_actor.all_inner_texts():
        assert "Zelenskyy" in text

    page.goto(web_worker.base_url + "/ui/timeline?place=kharkiv")
    assert page.locator("#events tr.event").count() >= 1
    assert all("Kharkiv" in t for t in page.locator("#events tr.event").all_inner_texts())

    page.goto(web_worker.base_url + f"/ui/timeline?process={PROCESS}&from=2026-02-06&to=2026-02-06")
    dated = page.locator("#events tr.event")
    assert 0 < dated.count() < everything
    assert all(t.startswith("2026-02-06") for t in dated.all_inner_texts())

    page.goto(web_worker.base_url + "/ui/timeline?process=NO--SUCH")
    assert page.locator("#events tr.event").count() == 0


def test_time_travel_changes_every_page(page: Any, web_worker: Worker) -> None:
    base = web_worker.base_url
    page.goto(base + "/ui/timeline")
    now = page.locator("#events tr.event").count()
    page.fill("input[name=as_of]", BEFORE_EVIL)
    page.click("header form.timetravel button")
    page.wait_for_url("**as_of=**")
    past = page.locator("#events tr.event").count()
    assert 0 < past < now
    assert page.locator("#as-of-banner").is_visible()
    assert INJECTION not in page.locator("#events").inner_text()

    page.goto(base + f"/ui?as_of={BEFORE_EVIL}")
    card = page.locator(f'article.process[data-process="{PROCESS}"]').inner_text()
    assert "2026-02-05T12:30" in card  # last published then
    assert page.locator("body[data-live]").count() == 0  # the past is not live
    shoot(page, "05-overview-as-of")

    page.goto(base + "/ui?as_of=2026-01-01T00:00:00Z")
    assert page.locator("#processes.empty").count() == 1

    page.goto(base + f"/ui/process/{PROCESS}?as_of={BEFORE_EVIL}")
    assert "Abu Dhabi" not in page.locator("#rounds").inner_text()
    page.goto(base + f"/ui/strikes?as_of={BEFORE_EVIL}")
    assert page.locator("#strike-chart rect.bar").count() == 0
    page.goto(base + f"/ui/tables/negotiations?as_of={BEFORE_EVIL}")
    as_of = orjson.loads(page.locator("pre.json").first.text_content() or "{}")
    assert as_of["event_count"] == _events_before(BEFORE_EVIL) > 0

    status, body = http_get(base + "/api/ui/overview?as_of=not-a-time")
    assert status == 400 and "as_of" in body["error"]


def test_strike_chart_by_place_and_weapon(page: Any, web_worker: Worker) -> None:
    page.goto(web_worker.base_url + "/ui/strikes")
    bars = page.locator("#strike-chart svg rect.bar")
    assert bars.count() >= 2
    places = set(bars.evaluate_all("bars => bars.map(b => b.dataset.series)"))
    assert "Kharkiv" in places
    shoot(page, "06-strikes-by-place")
    page.select_option("select[name=by]", "weapon")
    page.click("form.filters button")
    page.wait_for_url("**by=weapon**")
    weapons = set(
        page.locator("#strike-chart svg rect.bar").evaluate_all(
            "bars => bars.map(b => b.dataset.series)"
        )
    )
    assert weapons and weapons != places
    assert "air_drone" in weapons
    shoot(page, "07-strikes-by-weapon")


def test_tables_browse_search_and_json(page: Any, web_worker: Worker) -> None:
    page.goto(web_worker.base_url + "/ui/tables")
    names = page.locator("#tables tbody td a").all_inner_texts()
    assert {"negotiations", "casualty_claims", "strike_activity", "statements"} <= set(names)
    shoot(page, "08-tables")
    page.click("text=casualty_claims")
    page.fill("#f-q", "ru--")
    page.click("form.filters button")
    page.wait_for_url("**q=ru--**")
    assert page.locator(f'details.key[data-key="{PROCESS}"]').count() == 1
    page.goto(web_worker.base_url + "/ui/tables/casualty_claims?q=zz-none")
    assert page.locator("details.key").count() == 0
    page.goto(web_worker.base_url + f"/ui/tables/statements/{PROCESS}")
    value = orjson.loads(page.locator("pre.json").inner_text())
    assert value["process"] == PROCESS and value["by_actor"]
    shoot(page, "09-table-key")


def test_health_page(page: Any, web_worker: Worker) -> None:
    page.goto(web_worker.base_url + "/ui/health")
    assert page.locator("#status").inner_text() == "ready"
    assert page.locator("#recovered").inner_text() == "True"
    lag_rows = page.locator("#lag tbody tr")
    assert lag_rows.count() == 4 * 9  # snippets and eight event topics, four partitions each
    assert page.locator("#deadletters").inner_text() == "1"
    per_type = dict(row.split("\t") for row in page.locator("#per-type tbody tr").all_inner_texts())
    assert int(per_type["strike"]) >= 2 and int(per_type["talks"]) >= 1
    assert "Cluster" in page.locator("main").inner_text()
    shoot(page, "10-health")


def test_script_in_a_snippet_stays_text(page: Any, web_worker: Worker) -> None:
    base = web_worker.base_url
    for path in (
        f"/ui/evidence/{EVIL_ID}",
        "/ui/timeline?place=kharkiv",
        "/ui",
        f"/ui/process/{PROCESS}",
    ):
        page.goto(base + path)
        page.wait_for_load_state("load")
        # text_content: on the overview the latest events sit in a closed <details>.
        assert INJECTION in (page.locator("main").text_content() or ""), path
        assert pwned(page) is None, path
        assert page.locator("main script").count() == 0
        assert page.locator("a[href^='javascript']").count() == 0
    page.goto(base + f"/ui/evidence/{EVIL_ID}")
    assert "<b>injected</b> wire" in page.locator("dd.source").inner_text()
    shoot(page, "11-injection-inert")


def test_pages_work_without_javascript(browser: Any, web_worker: Worker) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(web_worker.base_url + "/ui")
        assert page.locator(f'article.process[data-process="{PROCESS}"]').count() == 1
        page.goto(web_worker.base_url + "/ui/timeline")
        page.select_option("#f-type", ["talks"])
        page.click("#f-apply")
        page.wait_for_url("**type=talks**")
        assert set(
            page.locator("#events tr.event").evaluate_all("r => r.map(x => x.dataset.type)")
        ) == {"talks"}
    finally:
        context.close()


def test_json_api_and_openapi(web_worker: Worker) -> None:
    base = web_worker.base_url
    status, document = http_get(base + "/api/openapi.json")
    assert status == 200 and document["openapi"].startswith("3.")
    for path in (
        "/api/ui/overview",
        "/api/ui/process/{process}",
        "/api/ui/timeline",
        "/api/ui/strikes",
        "/api/ui/tables",
        "/api/ui/tables/{table}",
        "/api/ui/health",
    ):
        assert path in document["paths"], path
    status, body = http_get(base + "/api/ui/overview")
    assert status == 200 and PROCESS in body["processes"]
    status, body = http_get(base + f"/api/ui/process/{PROCESS}")
    assert status == 200 and set(body["tables"]) == {
        "negotiations",
        "casualty_claims",
        "strike_activity",
        "statements",
    }
    status, body = http_get(base + "/api/ui/timeline?type=strike&type=talks")
    assert status == 200 and {e["type"] for e in body["events"]} == {"strike", "talks"}
    status, _ = http_get(base + "/api/ui/timeline?type=nonsense")
    assert status == 400
    status, _ = http_get(base + "/api/ui/process/NO--SUCH")
    assert status == 404
    # Read-only: nothing under /ui or /api/ui accepts a write.
    request = urllib.request.Request(base + "/api/ui/overview", data=b"{}", method="POST")
    try:
        urllib.request.urlopen(request, timeout=5)
        raise AssertionError("POST was accepted")
    except urllib.error.HTTPError as error:
        assert error.code == 405


def test_page_response_times_measured_once(browser: Any, web_worker: Worker) -> None:
    """Measured, written to tests/artifacts/web-timings.json, and never asserted on."""
    base = web_worker.base_url
    pages = {
        "overview": "/ui",
        "process": f"/ui/process/{PROCESS}",
        "timeline": "/ui/timeline",
        "timeline filtered": "/ui/timeline?type=strike&actor=russia",
        "evidence": f"/ui/evidence/{EVIL_ID}",
        "strikes": "/ui/strikes",
        "tables": "/ui/tables",
        "table": "/ui/tables/negotiations",
        "health": "/ui/health",
        "overview as_of": f"/ui?as_of={BEFORE_EVIL}",
        "openapi": "/api/openapi.json",
    }
    context = browser.new_context()
    page = context.new_page()
    timings: dict[str, Any] = {}
    try:
        for name, path in pages.items():
            started = time.perf_counter()
            with urllib.request.urlopen(base + path, timeout=30) as response:
                response.read()
                status = response.status
            server_ms = (time.perf_counter() - started) * 1000
            started = time.perf_counter()
            page.goto(base + path, wait_until="load")
            browser_ms = (time.perf_counter() - started) * 1000
            timings[name] = {
                "path": path,
                "status": status,
                "http_ms": round(server_ms, 1),
                "browser_load_ms": round(browser_ms, 1),
            }
    finally:
        context.close()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "web-timings.json").write_bytes(
        orjson.dumps(
            {"measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "pages": timings},
            option=orjson.OPT_INDENT_2,
        )
    )
    assert all(item["status"] == 200 for item in timings.values())


def test_live_updates_arrive_without_reload(page: Any, web_worker: Worker) -> None:
    page.goto(web_worker.base_url + "/ui")
    page.locator("body[data-live-state=open]").wait_for()
    assert page.locator('article.process[data-process="AM--AZ"]').count() == 0
    page.evaluate("() => { window.__sameDocument = true; }")
    publish(web_worker, [LIVE_SNIPPET])
    page.locator("#live-events li").first.wait_for(timeout=30_000)
    page.locator('article.process[data-process="AM--AZ"]').wait_for(timeout=30_000)
    assert page.evaluate("() => window.__sameDocument") is True  # no reload happened
    assert "Armenia" in page.locator("#live-events").inner_text()
    shoot(page, "12-overview-live-update")


def test_several_workers_route_and_merge(
    page: Any, web_worker: Worker, tmp_path_factory: Any
) -> None:
    """A second worker of the same app: list pages merge both, per-key pages are routed."""
    uid = web_worker.prefix.removeprefix("it-")
    second = new_worker(web_worker.bootstrap, tmp_path_factory.mktemp("web-worker-2"), uid)
    second.start()
    try:
        workers = [web_worker, second]
        processes = {PROCESS, "AM--AZ"}

        def consistent() -> bool:
            for running in workers:
                try:
                    status, body = http_get(running.base_url + "/api/ui/overview", timeout=10)
                except OSError:
                    return False
                if status != 200 or set(body["processes"]) != processes:
                    return False
                if body["unreachable_workers"]:
                    return False
                for process in processes:
                    status, _ = http_get(f"{running.base_url}/api/ui/process/{process}", 10)
                    if status != 200:
                        return False
            return True

        deadline = time.monotonic() + 90
        while not consistent():
            assert time.monotonic() < deadline, "the two workers never served every process"
            time.sleep(1)
        holders = []
        for running in workers:
            _, local = http_get(running.base_url + "/api/ui/local/negotiations")
            holders.append(set(local["values"]))
        assert set().union(*holders) == processes
        for running in workers:
            page.goto(running.base_url + "/ui")
            for process in processes:
                assert page.locator(f'article.process[data-process="{process}"]').count() == 1
            page.goto(running.base_url + "/ui/process/AM--AZ")
            assert "Armenia" in page.locator("main").inner_text()
        shoot(page, "13-second-worker-overview")
    finally:
        second.stop()
