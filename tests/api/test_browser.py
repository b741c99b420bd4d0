"""The chat widget and the staff page in a real Chromium against a real `budgetqa serve` process.

Each server's documents are ingested with the `budgetqa ingest` command, exactly as an operator would, into
a data dir that may start as a copy of the session's ingested Langfang sample; one of the documents carries
HTML markup, which must reach the screen as text. A second server holds the bundled Wanli PDF, whose 三公
table gives the table citations. Screenshots go to a temporary folder, or to the folder named by
BUDGETQA_SCREENSHOTS (`BUDGETQA_SCREENSHOTS=docs/screenshots` refreshes the ones the docs show).
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
import pytest
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect, sync_playwright

from api_support import LANGFANG_DEPARTMENT, STAFF_KEY
from tests.support import free_port, server_process

pytestmark = pytest.mark.slow  # real servers, processes or a browser: `make test-fast` leaves them out

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(os.environ.get("BUDGETQA_SCREENSHOTS") or tempfile.mkdtemp(prefix="budgetqa-screenshots-"))
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
WANLI_PDF = REPO / "samples" / "01_shpt_wanli-street_2025_dept-budget.pdf"
WANLI_DEPARTMENT = "上海市普陀区人民政府万里街道办事处"
# 公务用车运行费 is printed in the Wanli 三公 table (page 29) under 公务用车购置及运行费 / 运行费, and in a sentence
TABLE_QUESTION = "公务用车运行费是多少"
TABLE_SUBJECT = "公务用车运行费"
TABLE_TITLE = "2025年部门“三公”经费和机关运行经费预算表"
TABLE_FIGURE = "21.56"
CONTACT_URL = "https://example.gov.cn/hudong/liuyan"
AI_LABEL = "本回答由人工智能自动生成，仅供参考，请以公开文件原文为准"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


def _budgetqa() -> str:
    found = Path(sys.executable).parent / "budgetqa"
    return str(found) if found.exists() else (shutil.which("budgetqa") or pytest.fail("the budgetqa command is not installed"))


def _server_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BUDGETQA_")}
    env.update(
        BUDGETQA_DATA_DIR=str(data_dir), BUDGETQA_STAFF_KEYS=f'["{STAFF_KEY}"]', BUDGETQA_ADMIN_KEYS="[]",
        HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False",
    )
    return env


@contextmanager
def _serve(work: Path, documents: list[Path], data_dir: Path | None = None, **settings: str) -> Iterator[str]:
    """Base URL of `budgetqa serve` on a free port, over `data_dir` (default: a new one in `work`) after `documents`
    are ingested into it by `budgetqa ingest`; `settings` are more BUDGETQA_* variables (contact_url="…" sets
    BUDGETQA_CONTACT_URL)."""
    data_dir = data_dir or work / "data"
    env = _server_env(data_dir)
    env.update({f"BUDGETQA_{name.upper()}": value for name, value in settings.items()})
    ingest = subprocess.run([_budgetqa(), "ingest", *map(str, documents), "--quiet"], cwd=work, env=env,
                            capture_output=True, text=True, timeout=INGEST_TIMEOUT_S)
    assert ingest.returncode == 0, ingest.stderr[-2000:]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with server_process([_budgetqa(), "serve", "--host", "127.0.0.1", "--port", str(port)], f"{base}/healthz", work / "server.log",
                        env=env, cwd=work, startup_timeout=STARTUP_TIMEOUT_S, what="budgetqa serve"):
        yield base


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory, langfang_data) -> Iterator[dict[str, str]]:
    """Base URLs of the module's three servers by name, started side by side (each start is mostly one process
    importing, loading the model and embedding, so two starts overlap on two cores); stopped after the module."""
    assert WANLI_PDF.is_file(), f"bundled sample missing: {WANLI_PDF}"
    work = {name: tmp_path_factory.mktemp(f"browser-{name}") for name in ("markup", "tables", "conversation")}
    xss_doc = work["markup"] / "xss-test-2020.txt"
    xss_doc.write_text(XSS_TEXT, encoding="utf-8")
    starting = {
        "markup": _serve(work["markup"], [xss_doc], langfang_data(work["markup"] / "data")),
        "tables": _serve(work["tables"], [WANLI_PDF]),
        "conversation": _serve(work["conversation"], [WANLI_PDF], langfang_data(work["conversation"] / "data"),
                               contact_url=CONTACT_URL),
    }
    with ExitStack() as running:
        with ThreadPoolExecutor(len(starting)) as pool:  # waits for every start; `running` then stops those that started
            bases = dict(zip(starting, pool.map(running.enter_context, starting.values())))
        yield bases


@pytest.fixture(scope="module")
def server(servers: dict[str, str]) -> str:
    """Base URL of a server over the Langfang sample and a document carrying HTML markup."""
    return servers["markup"]


@pytest.fixture(scope="module")
def table_server(servers: dict[str, str]) -> str:
    """Base URL of a server over the Wanli PDF (its 三公 table answers TABLE_QUESTION)."""
    return servers["tables"]


@pytest.fixture(scope="module")
def conversation_server(servers: dict[str, str]) -> str:
    """Base URL of a server over both bundled samples (an unscoped question is then ambiguous), with a 留言 link."""
    return servers["conversation"]


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


def widget_focus_in(page: Page, selector: str) -> bool:
    """True when the element focused inside the widget is, or is inside, an element matching `selector`."""
    return page.evaluate(
        "s => { const a = document.querySelector('[data-budgetqa]').shadowRoot.activeElement; return !!(a && a.closest(s)); }",
        selector,
    )


def tab_until(page: Page, selector: str, backwards: bool = False, presses: int = 30) -> None:
    """Presses Tab (Shift+Tab) until focus is on `selector` inside the widget; fails when it never gets there."""
    for _ in range(presses):
        if widget_focus_in(page, selector):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    assert widget_focus_in(page, selector), f"{selector} is not reachable with the keyboard"


def cells(text: str) -> list[str]:
    """The non-empty cells of a table span as printed (tabs, 2+ spaces or line breaks between cells)."""
    return [c.strip() for c in re.split(r"\t| {2,}|\n", text) if c.strip()]


def table_citation(server: str) -> dict:
    """The table citation the real app gives for TABLE_QUESTION, checked before a browser shows it."""
    answer = httpx.post(f"{server}/api/ask", json={"question": TABLE_QUESTION}, timeout=60).json()
    assert answer["value"] == float(TABLE_FIGURE) and answer["unit"] == "万元", answer
    cited = [c for c in answer["citations"] if c["table"]]
    assert cited, f"no table citation: {answer['citations']}"
    citation = cited[0]
    assert citation["table"]["title"] == TABLE_TITLE and citation["table"]["headers"][-1] == "运行费", citation
    assert {s["role"] for s in citation["spans"]} == {"header", "row"}, citation["spans"]
    row = next(s for s in citation["spans"] if s["role"] == "row")
    assert cells(row["text"])[-1] == TABLE_FIGURE, row  # the row span ends with the figure's cell
    return citation


def column_of(page: Page, selector: str) -> int:
    return page.locator(selector).evaluate("e => e.cellIndex")


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


def test_widget_table_source_keyboard_only(table_server: str, open_page) -> None:
    """A figure from a table: its citation reads as the row, and its source view shows the table title, the
    header rows, the row and the figure's cell highlighted under its column, with unit and page, by keyboard."""
    citation = table_citation(table_server)
    header = next(s for s in citation["spans"] if s["role"] == "header")
    row = next(s for s in citation["spans"] if s["role"] == "row")
    page = open_page(f"{table_server}/")
    tab_until(page, ".bq-launch")
    page.keyboard.press("Enter")
    assert widget_focus(page) == "bq-q"
    page.keyboard.type(TABLE_QUESTION)
    page.keyboard.press("Enter")
    expect(page.locator(".bq-pending")).to_have_count(0)
    expect(page.locator(".bq-value")).to_have_text(TABLE_FIGURE)
    expect(page.locator(".bq-cite-label")).to_have_text(citation["label"])  # the table figure read as its row
    sentence = page.locator(".bq-cite-read:not(.bq-cite-label)")  # a sentence citation reads as its quote
    expect(sentence.first).to_contain_text(f"{TABLE_SUBJECT}{TABLE_FIGURE}万元")

    tab_until(page, ".bq-cite:has(.bq-cite-label)", backwards=True)  # from the question box back to the citation
    page.keyboard.press("Enter")
    source = page.locator(".bq-source")
    expect(source).to_be_visible()
    assert widget_focus_in(page, ".bq-source"), "focus moves into the source view"
    expect(page.locator(".bq-reading")).to_have_text(citation["label"])
    expect(page.locator(".bq-frag-title")).to_have_text(TABLE_TITLE)
    head = page.locator(".bq-frag-table thead")
    for cell in cells(header["text"]):  # the header line as printed, cell by cell
        expect(head).to_contain_text(cell)
    body_cells = page.locator(".bq-frag-table tbody td").all_inner_texts()
    assert cells(row["text"]) == [c for c in body_cells if c not in ("", "…")], body_cells
    hit = page.locator(".bq-frag-hit")
    expect(hit).to_have_count(1)
    expect(hit.locator("mark")).to_have_text(TABLE_FIGURE)  # the highlighted cell is the figure
    expect(page.locator("th.bq-frag-col").last).to_have_text("运行费")
    assert column_of(page, ".bq-frag-hit") == column_of(page, "th.bq-frag-col >> nth=-1"), "the figure stands under its column"
    # its header path, group first: “三公”经费预算数 > 公务用车购置及运行费 > 运行费
    assert page.locator("th.bq-frag-col").all_inner_texts()[-3:] == ["“三公”经费预算数", "公务用车购置及运行费", "运行费"]
    meta = page.locator(".bq-frag-meta")
    expect(meta).to_contain_text("单位：万元")
    expect(meta).to_contain_text(f"第 {citation['page']} 页")
    expect(page.locator(".bq-meta")).to_contain_text(WANLI_DEPARTMENT)
    tab_until(page, ".bq-frag-wrap")  # the fragment's scroll box takes focus, so arrow keys scroll it
    shot(page, "widget-table-source.png")

    page.keyboard.press("Escape")
    expect(source).to_be_hidden()
    assert widget_focus_in(page, ".bq-cite:has(.bq-cite-label)"), "Escape returns to the citation"
    assert page.js_errors == []


def test_widget_table_source_at_360px(table_server: str, open_page) -> None:
    """At 360 px, also in 大字模式: nothing scrolls the page sideways; the fragment scrolls in its own box and
    the highlighted figure is in view."""
    page = open_page(f"{table_server}/", PHONE)
    page.locator(".bq-launch").click()
    ask(page, TABLE_QUESTION)
    page.locator(".bq-cite:has(.bq-cite-label)").click()
    expect(page.locator(".bq-frag-hit mark")).to_have_text(TABLE_FIGURE)
    shot(page, "widget-table-source-360.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "the page scrolls sideways"
    page.get_by_role("button", name="大字模式").click()
    expect(page.get_by_role("button", name="大字模式")).to_have_attribute("aria-pressed", "true")
    size = page.locator(".bq-frag-hit").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 17, f"large-text mode should give at least 17px table text, got {size}"
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "the page scrolls sideways"
    panel = page.locator("#bq-panel").bounding_box()
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= PHONE["width"], panel
    wrap = page.locator(".bq-frag-wrap")
    box = wrap.bounding_box()
    assert box["x"] >= panel["x"] and box["x"] + box["width"] <= panel["x"] + panel["width"], box
    widths = wrap.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert widths[0] > widths[1], f"at 360 px in 大字模式 the table is wider than its box and scrolls in it: {widths}"
    cell = page.locator(".bq-frag-hit").bounding_box()
    box = wrap.bounding_box()
    assert box["x"] <= cell["x"] and cell["x"] + cell["width"] <= box["x"] + box["width"], "the figure is cut off"
    shot(page, "widget-table-source-360-large.png")
    assert page.js_errors == []


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
        page.locator("#search").get_by_role("button", name="导出 CSV").click()
    raw = Path(download_info.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "科目"
    assert any(r[:4] == ["公务接待费", "金额", "0.63", "万元"] for r in rows[1:])

    with page.expect_download() as download_info:
        page.get_by_role("button", name="导出 Excel").click()
    assert download_info.value.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(Path(download_info.value.path()).read_bytes()), read_only=True).active
    book_rows = list(sheet.iter_rows(values_only=True))
    assert list(book_rows[0]) == rows[0] and len(book_rows) == len(rows)  # the CSV's columns and rows
    assert ("公务接待费", "金额", 0.63, "万元") in [r[:4] for r in book_rows[1:]]
    assert page.js_errors == []


def test_staff_listing_keeps_the_newest_query(server: str, open_page) -> None:
    """A slow earlier listing (the unfiltered one drawn on login) must not overwrite a newer filtered one."""
    page = open_page(f"{server}/staff")
    held = []  # the unfiltered listing's request, answered only after the filtered one is drawn
    page.route("**/api/facts?*", lambda route: route.continue_() if "subject=" in route.request.url else held.append(route))
    page.get_by_label("API 密钥").fill(STAFF_KEY)
    page.keyboard.press("Enter")
    expect(page.locator("#work")).to_be_visible()
    page.get_by_label("科目", exact=True).fill("公务接待费")
    page.keyboard.press("Enter")
    rows = page.locator("#facts tbody tr")
    expect(rows).to_have_count(1)
    assert len(held) == 1
    with page.expect_response(lambda response: "/api/facts?" in response.url and "subject=" not in response.url):
        held[0].continue_()
    page.evaluate("() => new Promise(r => setTimeout(r, 200))")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("公务接待费")
    expect(page.locator("#status")).to_contain_text("找到 1 条")


def test_staff_table_source(table_server: str, open_page) -> None:
    """查看原文 on a figure from a table shows the table fragment: title, the row, the figure highlighted under
    its column, unit and page; keyboard only, and Escape returns to the button."""
    page = open_page(f"{table_server}/staff")
    page.get_by_label("API 密钥").fill(STAFF_KEY)
    page.keyboard.press("Enter")
    expect(page.locator("#work")).to_be_visible()
    page.get_by_label("科目", exact=True).fill(TABLE_SUBJECT)
    page.keyboard.press("Enter")
    rows = page.locator("#facts tbody tr")
    # the unfiltered listing is on screen until the filtered one replaces it; a loaded machine can take a while
    expect(rows.first).to_contain_text(TABLE_SUBJECT, timeout=30_000)
    opened = None
    for i in range(rows.count()):  # the subject is stated twice: in the 三公 table and in a sentence
        button = rows.nth(i).get_by_role("button", name="查看原文")
        button.focus()
        page.keyboard.press("Enter")
        expect(page.locator("#source-body")).not_to_contain_text("正在打开原文")
        assert page.evaluate("document.getElementById('source').contains(document.activeElement)"), "focus moves into the dialog"
        if page.locator("#source-body .bq-frag").count():
            opened = button
            break
        page.keyboard.press("Escape")
    assert opened is not None, "no 查看原文 shows a table fragment"
    body = page.locator("#source-body")
    expect(body.locator(".bq-frag-title")).to_have_text(TABLE_TITLE)
    expect(body.locator(".bq-frag-hit mark")).to_have_text(TABLE_FIGURE)
    # the staff listing carries the figure's header path, so the fragment is the widget's: 运行费 under its parent
    expect(body.locator("th.bq-frag-col").last).to_have_text("运行费")
    assert body.locator("th.bq-frag-col").all_inner_texts()[-3:] == ["“三公”经费预算数", "公务用车购置及运行费", "运行费"]
    assert column_of(page, "#source-body .bq-frag-hit") == column_of(page, "#source-body th.bq-frag-col >> nth=-1")
    expect(body.locator(".bq-frag-table tbody")).to_contain_text("37.91")  # the row as printed, up to the figure
    expect(body.locator(".bq-frag-meta")).to_contain_text("单位：万元")
    expect(body.locator(".bq-frag-meta")).to_contain_text("第 29 页")
    expect(body.locator("dl")).to_contain_text(WANLI_DEPARTMENT)
    page.screenshot(path=str(SCREENSHOTS / "staff-table-source.png"))
    page.keyboard.press("Escape")
    expect(page.locator("#source")).to_be_hidden()
    expect(opened).to_be_focused()

    page.set_viewport_size(PHONE)
    opened.focus()
    page.keyboard.press("Enter")
    expect(body.locator(".bq-frag-hit mark")).to_have_text(TABLE_FIGURE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "the staff page scrolls sideways at 360 px"
    box = body.locator(".bq-frag-wrap").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    page.screenshot(path=str(SCREENSHOTS / "staff-table-source-360.png"))
    assert page.js_errors == []


# ---- a conversation ----------------------------------------------------------------------------------
def test_widget_conversation_follow_up_and_candidate_keyboard_only(conversation_server: str, open_page) -> None:
    """Three turns, keyboard only: a question; a follow-up read against it (the widget sends the context back);
    after 新话题, an unscoped question answered with candidates, one of which is chosen with the keyboard."""
    page = open_page(f"{conversation_server}/")
    tab_until(page, ".bq-launch", presses=40)
    page.keyboard.press("Enter")
    expect(page.locator("#bq-panel")).to_be_visible()
    label = page.locator(".bq-ai")  # present before any question, and after every one
    expect(label).to_be_visible()
    expect(label).to_contain_text(AI_LABEL)
    contact = page.locator(".bq-contact")
    expect(contact).to_be_visible()
    expect(contact).to_contain_text("留言")
    expect(contact).to_have_attribute("href", CONTACT_URL)
    answers = page.locator(".bq-answer")

    # 1. a question naming the department
    page.keyboard.type("万里街道三公经费是多少")
    page.keyboard.press("Enter")
    expect(page.locator(".bq-pending")).to_have_count(0)
    expect(answers.nth(0).locator(".bq-value")).to_have_text("37.91")
    expect(answers.nth(0)).to_contain_text(WANLI_DEPARTMENT)
    expect(page.locator(".bq-topic")).to_contain_text("万里街道")  # what the next question is read against

    # 2. a follow-up: 公务接待费 inside the 三公经费 of the same department and year, and the answer says what it assumed
    assert widget_focus(page) == "bq-q", "focus stays in the question box"
    page.keyboard.type("其中公务接待费呢？")
    page.keyboard.press("Enter")
    expect(page.locator(".bq-pending")).to_have_count(0)
    expect(answers.nth(1).locator(".bq-value")).to_have_text("1.35")
    assumed = answers.nth(1).locator(".bq-assumed")
    expect(assumed).to_contain_text("按上文理解为")
    expect(assumed).to_contain_text(f"{WANLI_DEPARTMENT}2025年三公经费里公务接待费")  # 其中: inside the item before
    expect(answers.nth(1).locator(".bq-text")).to_contain_text("公务接待费为1.35万元")
    expect(answers.nth(1).locator(".bq-text")).not_to_contain_text("按上文理解为")  # said once, not twice
    shot(page, "widget-conversation-follow-up.png")

    # 3. 新话题, then an unscoped question over both documents: candidates as buttons
    tab_until(page, ".bq-new-topic", backwards=True)
    page.keyboard.press("Enter")
    expect(page.locator(".bq-info")).to_contain_text("新话题")
    assert widget_focus(page) == "bq-q", "新话题 returns focus to the question box"
    page.keyboard.type("公务接待费是多少")
    page.keyboard.press("Enter")
    expect(page.locator(".bq-pending")).to_have_count(0)
    choices = answers.nth(2).locator(".bq-choice")
    expect(choices).to_have_count(2)
    expect(choices.nth(0)).to_have_text(f"{WANLI_DEPARTMENT} 2025年")
    expect(choices.nth(1)).to_have_text(f"{LANGFANG_DEPARTMENT} 2020年")
    langfang = f'.bq-choice[aria-label*="{LANGFANG_DEPARTMENT}"]'
    tab_until(page, langfang, backwards=True)
    shot(page, "widget-conversation-candidates.png")
    page.keyboard.press("Enter")
    expect(page.locator(".bq-pending")).to_have_count(0)
    chosen = answers.nth(3)
    expect(chosen.locator(".bq-value")).to_have_text("0.63")
    expect(chosen.locator(".bq-text")).to_contain_text(f"{LANGFANG_DEPARTMENT}2020年公务接待费")
    expect(page.locator(".bq-user").last).to_contain_text(LANGFANG_DEPARTMENT)
    expect(page.locator(".bq-topic")).to_contain_text(LANGFANG_DEPARTMENT)  # the chosen answer is the new context

    expect(label).to_be_visible()
    expect(contact).to_be_visible()
    assert len(page.context.pages) == 1, "no pop-ups"
    shot(page, "widget-conversation.png")
    assert page.js_errors == []


# ---- suggested and related questions -------------------------------------------------------------------
def test_widget_suggests_questions_on_open_and_after_each_answer_keyboard_only(server: str, open_page) -> None:
    """Opening the panel shows questions made from the indexed documents; one chosen with the keyboard is asked and
    answered; the answer offers two related questions, and one of those is asked the same way."""
    suggested = httpx.get(f"{server}/api/suggestions", timeout=60).json()["questions"]
    assert suggested and all(q.startswith("政法委2020年") for q in suggested), suggested
    page = open_page(f"{server}/")
    tab_until(page, ".bq-launch", presses=40)
    page.keyboard.press("Enter")
    assert widget_focus(page) == "bq-q", "focus moves into the question box on open"
    buttons = page.locator(".bq-suggested .bq-ask")
    expect(buttons).to_have_text(suggested)
    expect(page.locator(".bq-suggested")).to_have_attribute("aria-label", "您可以这样问：")
    shot(page, "widget-suggestions.png")

    tab_until(page, ".bq-suggested .bq-ask", backwards=True)  # from the question box back to the last suggestion
    chosen = page.evaluate("() => document.querySelector('[data-budgetqa]').shadowRoot.activeElement.textContent")
    assert chosen in suggested
    page.keyboard.press("Enter")
    expect(page.locator(".bq-pending")).to_have_count(0)
    expect(page.locator(".bq-user")).to_have_text(chosen)
    expect(page.locator(".bq-suggested")).to_have_count(0)  # the suggestions make way for the conversation
    answer = page.locator(".bq-answer")
    expect(answer.locator(".bq-value")).to_be_visible()
    related = answer.locator(".bq-related .bq-ask")
    expect(related).to_have_count(2)
    shot(page, "widget-related.png")

    page.locator("#bq-q").focus()
    tab_until(page, ".bq-related .bq-ask", backwards=True)
    follow_up = page.evaluate("() => document.querySelector('[data-budgetqa]').shadowRoot.activeElement.textContent")
    page.keyboard.press("Enter")
    expect(page.locator(".bq-pending")).to_have_count(0)
    expect(page.locator(".bq-user").last).to_have_text(follow_up)
    expect(page.locator(".bq-answer").last.locator(".bq-value")).to_be_visible()
    assert page.js_errors == []


def test_widget_answers_a_greeting_with_its_scope_and_examples(server: str, open_page) -> None:
    page = open_page(f"{server}/")
    page.locator(".bq-launch").click()
    ask(page, "你好")
    answer = page.locator(".bq-answer").last
    expect(answer.locator(".bq-text")).to_contain_text("我可以回答")
    expect(answer).not_to_contain_text("未找到")
    expect(answer.locator(".bq-related .bq-ask")).to_have_count(2)  # example questions, as buttons
    assert page.js_errors == []


# ---- staff: the comparison chart and the log of unanswered questions -----------------------------------------
def staff_login(page: Page) -> None:
    page.get_by_label("API 密钥").fill(STAFF_KEY)
    page.keyboard.press("Enter")
    expect(page.locator("#work")).to_be_visible()


def test_staff_audit_view_filters_opens_quotes_and_exports(table_server: str, open_page) -> None:
    """核对: the bundled Wanli PDF's findings (its 建筑面积 parts do not add up), filtered by severity, a quote
    opened in the source dialog, and the CSV export."""
    page = open_page(f"{table_server}/staff")
    staff_login(page)
    expect(page.locator("#audit-document option")).to_have_count(1)
    expect(page.locator("#audit-document")).to_contain_text(WANLI_DEPARTMENT)
    page.locator("#audit-form").get_by_role("button", name="核对", exact=True).click()
    rows = page.locator("#audit-table tbody tr")
    expect(rows).to_have_count(2)
    expect(page.locator("#audit-status")).to_contain_text("错误 2 条")
    expect(rows.first).to_contain_text("sum.parts_exceed")
    expect(rows.first).to_contain_text("平方米")
    page.get_by_label("级别").select_option("info")
    expect(rows).to_have_count(0)
    page.get_by_label("级别").select_option("error")
    expect(rows).to_have_count(2)

    quote = rows.first.get_by_role("button").first
    expect(quote).to_contain_text("第31页")
    quote.click()
    expect(page.locator("#source-body mark")).to_contain_text("13459平方米")
    expect(page.locator("#source-body dl")).to_contain_text(WANLI_DEPARTMENT)
    page.keyboard.press("Escape")
    expect(page.locator("#source")).to_be_hidden()
    expect(quote).to_be_focused()

    with page.expect_download() as download_info:
        page.locator("#audit-form").get_by_role("button", name="导出 CSV").click()
    raw = Path(download_info.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and download_info.value.suggested_filename.endswith(".csv")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[0] == ["文件", "级别", "规则", "说明", "页码", "原文", "位置"]
    assert {r[1] for r in table[1:]} == {"错误"} and any("13459平方米" in r[5] for r in table[1:])
    page.screenshot(path=str(SCREENSHOTS / "staff-audit.png"), full_page=True)
    assert page.js_errors == []


def test_staff_comparison_chart_of_an_item_across_years_and_departments(conversation_server: str, open_page) -> None:
    """Two departments compared: an inline SVG bar chart, one bar per year (each year here is one department's),
    the printed figures written on the bars, and a name and description for screen readers."""
    page = open_page(f"{conversation_server}/staff")
    staff_login(page)
    page.locator("#compare-department").select_option([LANGFANG_DEPARTMENT, WANLI_DEPARTMENT])
    page.get_by_label("科目（可选）").fill("公务接待费")
    page.get_by_role("button", name="对比各年度").click()
    expect(page.locator("#pivot thead")).to_contain_text("部门")  # several departments: a column says whose row
    chart = page.get_by_role("img", name="公务接待费 · 金额 分年度、分部门对比图")
    expect(chart).to_be_visible()
    assert chart.evaluate("e => e.namespaceURI") == "http://www.w3.org/2000/svg"
    bars = chart.locator("rect.chart-bar")
    expect(bars).to_have_count(2)
    assert [bars.nth(i).get_attribute("data-year") for i in range(2)] == ["2020", "2025"]
    expect(chart.locator(".chart-year")).to_have_text(["2020年", "2025年"])
    expect(chart.locator(".chart-value")).to_have_text(["0.63万元", "1.35万元"])
    expect(chart.locator("desc")).to_contain_text(f"{LANGFANG_DEPARTMENT}：2020年 0.63万元")
    expect(chart.locator(".chart-legend")).to_have_text(sorted([LANGFANG_DEPARTMENT, WANLI_DEPARTMENT]))  # as listed
    heights = [float(bars.nth(i).get_attribute("height")) for i in range(2)]
    assert heights[1] > heights[0] * 2  # 1.35 is more than twice 0.63
    scripts = page.evaluate("() => [...document.scripts].map(s => s.getAttribute('src'))")
    assert scripts and all(src and src.startswith("/static/") for src in scripts), scripts  # no external script
    page.locator("#compare").screenshot(path=str(SCREENSHOTS / "staff-chart.png"))
    assert page.js_errors == []


def test_staff_unanswered_log_lists_and_exports_refused_questions(conversation_server: str, open_page) -> None:
    refused = "万里街道2025年招商引资奖励是多少"
    for question in (refused, refused, "今天天气怎么样"):
        kind = httpx.post(f"{conversation_server}/api/ask", json={"question": question}, timeout=60).json()["kind"]
        assert kind in ("not_found", "out_of_scope")
    page = open_page(f"{conversation_server}/staff")
    staff_login(page)
    section = page.locator("#unanswered")
    row = section.locator("tbody tr", has_text=refused)
    expect(row).to_have_count(1)
    expect(row.locator("td").nth(1)).to_have_text("2")
    expect(row).to_contain_text("未找到")
    expect(row).to_contain_text(WANLI_DEPARTMENT)
    expect(row).to_contain_text("招商引资奖励")
    expect(section.locator("tbody tr", has_text="今天天气怎么样")).to_contain_text("超出范围")
    section.screenshot(path=str(SCREENSHOTS / "staff-unanswered.png"))

    with page.expect_download() as download_info:
        section.get_by_role("button", name="导出 CSV").click()
    raw = Path(download_info.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "问题" and any(r[:3] == [refused, "2", "未找到"] for r in rows[1:])
    assert page.js_errors == []
