"""The chat widget and the staff page in a real Chromium against a real `budgetqa serve` process.

The data dir is ingested with the `budgetqa ingest` command, exactly as an operator would; one of
the documents carries HTML markup, which must reach the screen as text. Screenshots are written to
docs/screenshots/ for review.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from api_support import LANGFANG_DEPARTMENT, STAFF_KEY

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "docs" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")  # Debian's package (scripts/install_browser.sh); no Playwright download
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]
INGEST_TIMEOUT_S = 600  # embedding the sample on a small CPU
STARTUP_TIMEOUT_S = 180  # model load and warm-up question
UI_TIMEOUT_MS = 30_000  # one answer, one page action
XSS = "<img src=x onerror=window.__xss=1>"
XSS_DEPARTMENT = "廊坊市网络安全测试中心"
XSS_TEXT = f"""{XSS_DEPARTMENT}

2020年部门预算信息公开情况说明

一、部门职责及机构设置情况
部门职责：负责网页安全测试，示例标记{XSS}应当按文字显示。
"""
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


def _budgetqa() -> str:
    found = Path(sys.executable).parent / "budgetqa"
    return str(found) if found.exists() else (shutil.which("budgetqa") or pytest.fail("the budgetqa command is not installed"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BUDGETQA_")}
    env.update(
        BUDGETQA_DATA_DIR=str(data_dir), BUDGETQA_STAFF_KEYS=f'["{STAFF_KEY}"]', BUDGETQA_ADMIN_KEYS="[]",
        HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False",
    )
    return env


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, langfang_path: Path) -> Iterator[str]:
    """Base URL of `budgetqa serve` on a free port, over a data dir ingested by `budgetqa ingest`."""
    work = tmp_path_factory.mktemp("browser")
    data_dir = work / "data"
    xss_doc = work / "xss-test-2020.txt"
    xss_doc.write_text(XSS_TEXT, encoding="utf-8")
    env = _server_env(data_dir)
    ingest = subprocess.run([_budgetqa(), "ingest", str(langfang_path), str(xss_doc), "--quiet"], cwd=work, env=env,
                            capture_output=True, text=True, timeout=INGEST_TIMEOUT_S)
    assert ingest.returncode == 0, ingest.stderr[-2000:]
    port = _free_port()
    log_path = work / "server.log"
    with log_path.open("w") as log:
        process = subprocess.Popen([_budgetqa(), "serve", "--host", "127.0.0.1", "--port", str(port)], cwd=work, env=env,
                                   stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            if process.poll() is not None:
                pytest.fail(f"budgetqa serve exited with {process.returncode}:\n{log_path.read_text()[-3000:]}")
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"budgetqa serve not healthy after {STARTUP_TIMEOUT_S} s:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.5)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browsers` (installs Debian's chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser: Browser) -> Iterator:
    """`open_page(url, viewport)`: a fresh context (own storage) and page; closed after the test."""
    contexts = []

    def make(url: str, viewport: dict = DESKTOP) -> Page:
        context = browser.new_context(viewport=viewport, locale="zh-CN", accept_downloads=True)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(UI_TIMEOUT_MS)
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.js_errors = errors  # checked by the tests
        page.goto(url)
        return page

    yield make
    for context in contexts:
        context.close()


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name))


def widget_focus(page: Page) -> str:
    """Class or id of the element focused inside the widget ('' when focus is elsewhere)."""
    return page.evaluate(
        "() => { const h = document.querySelector('[data-budgetqa]'); const a = h && h.shadowRoot.activeElement;"
        " return a ? (a.id || a.className) : ''; }"
    )


def ask(page: Page, question: str) -> None:
    page.locator("#bq-q").fill(question)
    page.keyboard.press("Enter")
    expect(page.locator(".bq-pending")).to_have_count(0)


# ---- widget ------------------------------------------------------------------------------------------
def test_widget_keyboard_only_answer_and_citation(server: str, open_page) -> None:
    page = open_page(f"{server}/")
    panel = page.locator("#bq-panel")
    expect(page.locator(".bq-launch")).to_be_visible()
    expect(panel).to_be_hidden()  # never opens itself
    for _ in range(40):
        page.keyboard.press("Tab")
        if "bq-launch" in widget_focus(page):
            break
    assert "bq-launch" in widget_focus(page), "the chat button is not reachable with Tab"
    page.keyboard.press("Enter")
    expect(panel).to_be_visible()
    expect(panel).to_have_attribute("role", "dialog")
    expect(page.locator(".bq-log")).to_have_attribute("aria-live", "polite")
    assert widget_focus(page) == "bq-q", "focus moves into the panel on open"

    page.keyboard.type("公务接待费是多少")
    page.keyboard.press("Enter")
    expect(page.locator(".bq-value")).to_have_text("0.63")
    expect(page.locator(".bq-unit")).to_have_text("万元")
    citation = page.locator(".bq-cite").first
    expect(citation).to_contain_text("[1]")
    expect(citation).to_contain_text(LANGFANG_DEPARTMENT)
    shot(page, "widget-desktop.png")

    citation.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".bq-quote mark")).to_have_text("公务接待费0.63万元")
    meta = page.locator(".bq-meta")
    for text in (LANGFANG_DEPARTMENT, "2020年", "三公", "页码"):
        expect(meta).to_contain_text(text)
    shot(page, "widget-desktop-source.png")

    page.keyboard.press("Escape")  # leaves the source view, back on the citation
    expect(page.locator(".bq-source")).to_be_hidden()
    assert "bq-cite" in widget_focus(page)
    page.keyboard.press("Escape")  # closes the panel, focus back on the button
    expect(panel).to_be_hidden()
    assert "bq-launch" in widget_focus(page)
    expect(page.locator(".bq-launch")).to_have_attribute("aria-expanded", "false")
    assert page.js_errors == []


def test_widget_large_text_and_small_screen(server: str, open_page) -> None:
    page = open_page(f"{server}/", DESKTOP)
    page.locator(".bq-launch").click()
    ask(page, "公务接待费是多少")
    toggle = page.get_by_role("button", name="大字模式")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    small = page.locator(".bq-text").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert small >= 20, f"large-text mode should give at least 20px text, got {small}"
    shot(page, "widget-desktop-large.png")

    phone = open_page(f"{server}/", PHONE)
    phone.locator(".bq-launch").click()
    ask(phone, "公务接待费是多少")
    expect(phone.locator(".bq-value")).to_have_text("0.63")
    box = phone.locator("#bq-panel").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], f"panel overflows a 360px screen: {box}"
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shot(phone, "widget-360.png")
    phone.get_by_role("button", name="大字模式").click()
    box = phone.locator("#bq-panel").bounding_box()
    assert box["x"] + box["width"] <= PHONE["width"]
    shot(phone, "widget-360-large.png")
    phone.locator(".bq-cite").first.click()
    expect(phone.locator(".bq-quote mark")).to_have_text("公务接待费0.63万元")
    shot(phone, "widget-360-large-source.png")


def test_widget_renders_document_markup_as_text(server: str, open_page) -> None:
    page = open_page(f"{server}/")
    page.locator(".bq-launch").click()
    ask(page, f"{XSS_DEPARTMENT}的部门职责是什么")
    answer = page.locator(".bq-answer").last
    expect(answer).to_contain_text(XSS)  # the markup is shown as characters
    markup_cite = page.locator(".bq-cite", has_text="部门职责")
    markup_cite.first.click()
    expect(page.locator(".bq-quote")).to_contain_text(XSS)
    assert page.evaluate("() => document.querySelector('[data-budgetqa]').shadowRoot.querySelectorAll('img').length") == 0
    assert page.evaluate("() => typeof window.__xss") == "undefined"
    assert page.js_errors == []


def test_widget_shows_errors_as_text(server: str, open_page) -> None:
    page = open_page(f"{server}/")
    page.locator(".bq-launch").click()
    ask(page, "问" * 600)
    expect(page.locator(".bq-error")).to_contain_text("问题过长")


# ---- staff page ---------------------------------------------------------------------------------------
def test_staff_page_filter_source_and_csv_export(server: str, open_page) -> None:
    page = open_page(f"{server}/staff")
    page.get_by_label("API 密钥").fill("wrong-key")
    page.get_by_role("button", name="进入").click()
    expect(page.locator("#login-error")).to_contain_text("密钥")

    page.get_by_label("API 密钥").fill(STAFF_KEY)
    page.get_by_role("button", name="进入").click()
    expect(page.locator("#work")).to_be_visible()
    assert page.evaluate("sessionStorage.getItem('budgetqa-staff-key')") == STAFF_KEY
    page.get_by_label("科目", exact=True).fill("公务接待费")
    page.get_by_role("button", name="查询").click()
    row = page.locator("#facts tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("公务接待费")
    expect(row.locator("td.num")).to_have_text("0.63")
    expect(row).to_contain_text(LANGFANG_DEPARTMENT)

    row.get_by_role("button").click()
    expect(page.locator("#source-body mark")).to_have_text("公务接待费0.63万元")
    page.keyboard.press("Escape")
    expect(page.locator("#source")).to_be_hidden()

    page.locator("#compare-department").select_option(LANGFANG_DEPARTMENT)  # the side-by-side years form
    page.get_by_label("科目（可选）").fill("公务")
    page.get_by_role("button", name="对比各年度").click()
    expect(page.locator("#pivot thead")).to_contain_text("2020年")
    expect(page.locator("#pivot tbody")).to_contain_text("公务接待费")
    page.screenshot(path=str(SCREENSHOTS / "staff.png"), full_page=True)

    with page.expect_download() as download_info:
        page.get_by_role("button", name="导出 CSV").click()
    raw = Path(download_info.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "科目"
    assert any(r[:4] == ["公务接待费", "金额", "0.63", "万元"] for r in rows[1:])
    assert page.js_errors == []
