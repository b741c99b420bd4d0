"""Bad input into every loader: each case ends in success (valid input) or an `IngestError` whose one-line
message names the file, never another exception; rejected files leave a real index byte-for-byte unchanged.

Inputs are real generated documents (PDF, DOCX, XLSX, HTML/JSP, page JSON, UTF-8 and GBK text) cut and
corrupted by hypothesis, plus zip bombs, 0-byte files, binary files named .txt and a sparse 200 MB file.
Run with `pytest -s` to see how many cases were tried.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import shutil
import struct
import time
import tracemalloc
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from index.corpus_index import CorpusIndex
from index.ingestion import ingest_paths
from ingest.errors import IngestError
from ingest.loaders import load, supported_extensions
from ingest.loaders.builder import MAX_PACKAGE_BYTES
from ingest.model import ParsedDocument
from ingest.pipeline import ParseOptions, parse_file
from eval.bench.ocr_bench import SAMPLE_PDF, page_images
from reliability_support import index_fingerprint

DEPARTMENT = "廊坊市模糊测试局"
BODY = "2020年，公务接待费0.63万元，比上年减少0.1万元。公务用车运行维护费7.87万元。"
BOMB_BYTES = MAX_PACKAGE_BYTES + 10 * 2**20  # what a bomb member expands to: over the 200 MB package limit
SPARSE_BYTES = 200 * 2**20
FUZZ = settings(
    max_examples=150, deadline=None, database=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
CASES: Counter[tuple[str, str]] = Counter()  # (input kind, outcome) -> count
MULTI_LINE: list[str] = []  # reasons that came out on several lines (checked by the last test of this module)
_names = itertools.count()


# ---------------------------------------------------------------- valid seed documents


def _pdf_bytes() -> bytes:
    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(595, 842))
    c.setFont(font, 14)
    c.drawString(72, 790, DEPARTMENT)
    c.drawString(72, 770, "2020年部门预算信息公开情况说明")
    c.setFont(font, 11)
    c.drawString(72, 740, BODY[:30])
    c.drawString(72, 724, BODY[30:])
    rows = [["项目", "预算数"], ["公务接待费", "0.63"], ["合计", "8.50"]]
    top = 680
    for r in range(len(rows) + 1):
        c.line(72, top - 22 * r, 372, top - 22 * r)
    for x in (72, 222, 372):
        c.line(x, top, x, top - 22 * len(rows))
    for r, row in enumerate(rows):
        for x, text in zip((76, 226), row):
            c.drawString(x, top - 22 * (r + 1) + 7, text)
    c.showPage()
    c.save()
    return out.getvalue()


def _docx_bytes() -> bytes:
    d = docx.Document()
    d.add_heading(DEPARTMENT, level=1)
    d.add_paragraph("2020年部门预算信息公开情况说明")
    d.add_paragraph(BODY)
    table = d.add_table(rows=3, cols=2)
    for r, row in enumerate([["项目", "预算数"], ["公务接待费", "0.63"], ["合计", "8.50"]]):
        for col, value in enumerate(row):
            table.cell(r, col).text = value
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _xlsx_bytes() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "三公经费"
    ws.append([f"{DEPARTMENT}2020年部门预算"])
    ws.append(["单位：万元"])
    for row in [["项目", "预算数", "上年数"], ["公务接待费", 0.63, 0.73], ["公务用车运行维护费", 7.87, 7.87]]:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _text() -> str:
    return f"{DEPARTMENT}\n\n2020年部门预算信息公开情况说明\n\n一、“三公”经费预算情况\n{BODY}\n\n\t项目\n\t预算数\n\n\t公务接待费\n\t0.63\n"


def _markdown_bytes() -> bytes:
    return (f"# {DEPARTMENT}2020年部门预算\n\n## 一、“三公”经费预算情况\n\n{BODY}\n\n"
            "| 项目 | 预算数 |\n|---|---:|\n| 公务接待费 | 0.63 |\n| **合计** | 8.50 |\n").encode("utf-8")


def _csv_bytes() -> bytes:
    return (f"{DEPARTMENT}2020年部门预算,,\n2020年部门预算信息公开情况说明,,\n{BODY},,\n单位：万元,,\n"
            "项目,预算数,上年数\n公务接待费,0.63,0.73\n公务用车运行维护费,\"7.87\",7.87\n").encode("utf-8")


def _html_bytes() -> bytes:
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{DEPARTMENT}2020年部门预算</title></head><body>'
        f'<div class="nav">首页</div><div class="article-content"><h1>{DEPARTMENT}</h1><p>2020年部门预算信息公开情况说明</p>'
        f"<p>{BODY}</p><table><tr><td>项目</td><td>预算数</td></tr><tr><td>公务接待费</td><td>0.63</td></tr></table></div>"
        "</body></html>"
    ).encode("utf-8")


def _pages_json_bytes() -> bytes:
    pages = [{"page": 1, "text": f"{DEPARTMENT}\n2020年部门预算信息公开情况说明\n{BODY}\n项目 预算数\n公务接待费 0.63\n合计 8.50\n"},
             {"page": 2, "text": "二、其他说明\n无。\n"}]
    return json.dumps(pages, ensure_ascii=False).encode("utf-8")


def _cover_image_bytes(image_format: str) -> bytes:
    """The bundled sample's cover page as a scanner would give it (read back by OCR)."""
    (cover,) = page_images(SAMPLE_PDF, [1])
    out = io.BytesIO()
    cover.save(out, format=image_format)
    return out.getvalue()


SEEDS: dict[str, Callable[[], bytes]] = {
    ".pdf": _pdf_bytes, ".docx": _docx_bytes, ".xlsx": _xlsx_bytes, ".txt": lambda: _text().encode("utf-8"), ".md": _markdown_bytes,
    ".csv": _csv_bytes,
    ".html": _html_bytes, ".htm": lambda: _html_bytes().replace(b"utf-8", b"gbk").decode("utf-8").encode("gbk"),
    ".jsp": lambda: b'<%@ page contentType="text/html;charset=UTF-8" %>' + _html_bytes(), ".json": _pages_json_bytes,
    ".png": lambda: _cover_image_bytes("PNG"), ".jpg": lambda: _cover_image_bytes("JPEG"), ".jpeg": lambda: _cover_image_bytes("JPEG"),
}
IMAGE_EXTENSIONS = {".png", ".jpg", ".jpeg"}  # seeds read by OCR: the sample's cover, published by its own department


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module", autouse=True)
def print_case_count() -> Iterator[None]:
    yield
    by_kind: Counter[str] = Counter()
    for (kind, _), n in CASES.items():
        by_kind[kind] += n
    outcomes = Counter()
    for (_, outcome), n in CASES.items():
        outcomes[outcome] += n
    print(f"\n[fuzz loaders] {sum(CASES.values())} cases tried ({dict(outcomes)}); by input: {dict(sorted(by_kind.items()))}")


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-inputs")


class Seeds(dict):
    """Valid documents by extension (short repr: hypothesis prints fixtures on failure)."""

    def __repr__(self) -> str:
        return f"<seed documents: {', '.join(f'{k} {len(v)} B' for k, v in self.items())}>"


@pytest.fixture(scope="module")
def seeds() -> Seeds:
    return Seeds({ext: make() for ext, make in SEEDS.items()})


@pytest.fixture(scope="module")
def real_index(tmp_path_factory: pytest.TempPathFactory, index_at, embeddings, small_paths) -> Iterator[tuple[Path, CorpusIndex]]:
    """A real index (SQLite + Chroma + BM25) holding one ingested document."""
    data_dir = tmp_path_factory.mktemp("fuzz-index") / "data"
    index = index_at(data_dir, embeddings)
    report = ingest_paths(index, [small_paths[0]])
    assert report.ok and report.added, report
    try:
        yield data_dir, index
    finally:
        index.close()


def write_case(folder: Path, ext: str, data: bytes, stem: str = "case") -> Path:
    path = folder / f"{stem}-{next(_names):05d}{ext}"
    path.write_bytes(data)
    return path


def assert_clean_error(error: IngestError, path: Path) -> str:
    message = str(error)
    assert message.startswith(f"{path.name}: "), f"reason does not start with the file name: {message!r}"
    assert error.source == path.name and error.reason.strip()
    if "\n" in message or "\r" in message:
        MULTI_LINE.append(message)  # a known defect, reported once by test_every_reason_is_one_line
    return message


def parse_or_reject(path: Path, kind: str, index: tuple[Path, CorpusIndex] | None = None) -> ParsedDocument | None:
    """Parses `path`: the document, or None for an IngestError naming the file; a rejected file is then also
    ingested into `index`, which must come out byte-for-byte unchanged. Any other exception fails the test."""
    try:
        doc = parse_file(path)
    except IngestError as error:
        message = assert_clean_error(error, path)
        if index is not None:
            assert_ingest_rejects(index, path, message)
        CASES[(kind, "rejected")] += 1
        return None
    assert doc.text.strip() and doc.meta.source == path.name
    CASES[(kind, "parsed")] += 1
    return doc


def attempt(path: Path, kind: str, index: tuple[Path, CorpusIndex] | None = None) -> str:
    """`parse_or_reject`'s outcome: "parsed" or "rejected"."""
    return "rejected" if parse_or_reject(path, kind, index) is None else "parsed"


def assert_ingest_rejects(index: tuple[Path, CorpusIndex], path: Path, message: str | None = None) -> None:
    data_dir, corpus = index
    before = index_fingerprint(data_dir, corpus)
    report = ingest_paths(corpus, [path])
    assert not report.added and not report.replaced and not report.unchanged, report
    assert len(report.failed) == 1 and report.failed[0].startswith(f"{path.name}: "), report.failed
    if message is not None:
        assert report.failed[0] == message
    assert index_fingerprint(data_dir, corpus) == before, f"index changed after rejecting {path.name}"


# ---------------------------------------------------------------- mutations


def _apply(seed: bytes, mutation: tuple) -> bytes:
    kind, arg = mutation
    if kind == "truncate":
        return seed[: arg % len(seed)]
    if kind == "flip":
        data = bytearray(seed)
        for pos, mask in arg:
            data[pos % len(data)] ^= mask
        return bytes(data)
    if kind == "overwrite":
        pos, junk = arg
        pos %= len(seed)
        return seed[:pos] + junk + seed[pos + len(junk):]
    if kind == "splice":  # a chunk of the file dropped (two positions) or copied elsewhere (three)
        cuts = sorted(x % len(seed) for x in arg)
        if len(cuts) == 2:
            return seed[: cuts[0]] + seed[cuts[1]:]
        a, b, c = cuts
        return seed[:c] + seed[a:b] + seed[c:]
    raise AssertionError(kind)


MUTATIONS = st.one_of(
    st.tuples(st.just("truncate"), st.integers(0, 2**31)),
    st.tuples(st.just("flip"), st.lists(st.tuples(st.integers(0, 2**31), st.integers(1, 255)), min_size=1, max_size=12)),
    st.tuples(st.just("overwrite"), st.tuples(st.integers(0, 2**31), st.binary(min_size=1, max_size=256))),
    st.tuples(st.just("splice"), st.lists(st.integers(0, 2**31), min_size=2, max_size=3)),
)


def _rezip(package: bytes, member: str, content: bytes) -> bytes:
    """The same OOXML package with one member's content replaced (a valid ZIP around broken XML)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, content if info.filename == member else src.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------- the seeds themselves are valid


@pytest.mark.parametrize("ext", sorted(SEEDS))
def test_valid_seed_documents_parse(ext: str, seeds: dict[str, bytes], fuzz_dir: Path, sample_doc: ParsedDocument) -> None:
    assert set(SEEDS) == set(supported_extensions())
    path = write_case(fuzz_dir, ext, seeds[ext], "valid")
    doc = parse_or_reject(path, f"valid{ext}")  # read once: an image seed is read by OCR
    assert doc is not None, f"valid seed {path.name} was rejected"
    assert doc.meta.department == (sample_doc.meta.department if ext in IMAGE_EXTENSIONS else DEPARTMENT)


# ---------------------------------------------------------------- hypothesis: corrupted files


@FUZZ
@given(ext=st.sampled_from([".pdf", ".docx", ".xlsx"]), mutation=MUTATIONS)
def test_corrupted_binary_documents(ext: str, mutation: tuple, seeds, fuzz_dir, real_index) -> None:
    path = write_case(fuzz_dir, ext, _apply(seeds[ext], mutation))
    attempt(path, f"{ext}:{mutation[0]}", real_index)


@FUZZ
@given(ext=st.sampled_from([".docx", ".xlsx"]), data=st.data())
def test_office_package_with_a_broken_member(ext: str, data: st.DataObject, seeds, fuzz_dir, real_index) -> None:
    package = seeds[ext]
    with zipfile.ZipFile(io.BytesIO(package)) as z:
        members = sorted(z.namelist())
        member = data.draw(st.sampled_from(members), label="member")
        original = z.read(member)
    content = data.draw(st.one_of(
        st.builds(lambda m: _apply(original, m), MUTATIONS) if original else st.just(b""),
        st.binary(max_size=512),
        st.just(b""),
    ), label="content")
    path = write_case(fuzz_dir, ext, _rezip(package, member, content))
    attempt(path, f"{ext}:member", real_index)


@FUZZ
@given(ext=st.sampled_from([".txt", ".csv", ".html", ".htm", ".jsp", ".json"]), mutation=MUTATIONS)
def test_corrupted_text_documents(ext: str, mutation: tuple, seeds, fuzz_dir, real_index) -> None:
    path = write_case(fuzz_dir, ext, _apply(seeds[ext], mutation))
    attempt(path, f"{ext}:{mutation[0]}", real_index)


@FUZZ
@given(ext=st.sampled_from(sorted(SEEDS)), data=st.binary(min_size=1, max_size=4096))
def test_random_bytes_under_every_extension(ext: str, data: bytes, fuzz_dir, real_index) -> None:
    path = write_case(fuzz_dir, ext, data)
    attempt(path, f"{ext}:random-bytes", real_index)


CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)  # all encodable in GBK


@FUZZ
@given(body=st.lists(st.text(alphabet=CJK, min_size=1, max_size=40), min_size=1, max_size=8),
       amount=st.decimals(min_value=0, max_value=10**6, places=2))
def test_gbk_text_is_accepted(body: list[str], amount, fuzz_dir) -> None:
    text = f"{DEPARTMENT}\n\n2020年部门预算\n\n" + "\n".join(body) + f"\n公务接待费{amount}万元。\n"
    path = write_case(fuzz_dir, ".txt", text.encode("gbk"), "gbk")
    doc = parse_file(path)
    CASES[(".txt:gbk", "parsed")] += 1
    assert doc.text == text and doc.meta.department == DEPARTMENT and doc.meta.year == 2020


# ---------------------------------------------------------------- specific bad inputs


@pytest.mark.parametrize("ext", [*sorted(SEEDS), ".doc", ".exe", ""])
def test_empty_file_or_unknown_format_is_rejected(ext: str, fuzz_dir: Path, real_index) -> None:
    path = write_case(fuzz_dir, ext, b"", "empty")
    attempt(path, "0-byte", real_index)
    error = pytest.raises(IngestError, parse_file, path).value
    assert "empty" in error.reason


@pytest.mark.parametrize("data", [b"\x00\x01\x02binary\x00" * 50, bytes(range(256)) * 20, b"\x7fELF\x02\x01\x01" + b"\x00" * 500])
def test_binary_named_txt_is_rejected(data: bytes, fuzz_dir: Path, real_index) -> None:
    path = write_case(fuzz_dir, ".txt", data, "binary")
    assert attempt(path, "binary-as-.txt", real_index) == "rejected"
    assert "binary" in pytest.raises(IngestError, parse_file, path).value.reason


def test_special_files_are_rejected(fuzz_dir: Path, real_index) -> None:
    device = fuzz_dir / "device.txt"
    device.symlink_to("/dev/zero")  # reading it would never end
    folder = fuzz_dir / "folder.pdf"
    folder.mkdir()
    fifo = fuzz_dir / "pipe.txt"
    os.mkfifo(fifo)  # opening it for reading would block forever
    for path in (device, folder, fifo):
        error = pytest.raises(IngestError, parse_file, path).value
        assert_clean_error(error, path)
        CASES[("special-file", "rejected")] += 1
    assert_ingest_rejects(real_index, device)
    assert_ingest_rejects(real_index, fifo)


def _read_bytes_so_far() -> int:
    """Bytes this process has read through read()/pread() so far (Linux /proc accounting, all threads)."""
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    raise AssertionError("no rchar in /proc/self/io")


@pytest.fixture(scope="module")
def sparse_files(fuzz_dir: Path) -> list[Path]:
    """200 MB files that take no disk space (truncate, never written)."""
    paths = []
    for ext in (".pdf", ".txt", ".docx"):
        path = fuzz_dir / f"huge{ext}"
        with path.open("wb") as f:
            f.truncate(SPARSE_BYTES)
        assert path.stat().st_size == SPARSE_BYTES and path.stat().st_blocks * 512 < 2**20  # really sparse
        paths.append(path)
    return paths


def test_sparse_200mb_file_is_rejected_by_size_before_reading(sparse_files: list[Path]) -> None:
    for path in sparse_files:
        before = _read_bytes_so_far()
        error = pytest.raises(IngestError, parse_file, path, ParseOptions()).value
        read = _read_bytes_so_far() - before
        assert_clean_error(error, path)
        assert "over the limit of 52,428,800 bytes" in error.reason and "209,715,200 bytes" in error.reason
        assert read < 2**20, f"parse_file read {read} bytes of {path.name} before refusing it"
        CASES[("sparse-200MB", "rejected")] += 1


def test_sparse_200mb_file_is_rejected_by_ingest_and_leaves_the_index_alone(sparse_files: list[Path], real_index) -> None:
    for path in sparse_files:
        assert_ingest_rejects(real_index, path)


def test_ingest_does_not_read_an_oversized_file(sparse_files: list[Path], real_index) -> None:
    _, index = real_index
    before = _read_bytes_so_far()
    ingest_paths(index, [sparse_files[0]])
    read = _read_bytes_so_far() - before
    # index.ingestion.ingest_paths used to hash the whole file (the 'unchanged' check) before the size limit
    assert read < 10 * 2**20, f"ingest_paths read {read / 2**20:.0f} MiB of a file it then refused for its size"


# ---------------------------------------------------------------- zip bombs


def _bomb(path: Path, kind: str, member_bytes: int = BOMB_BYTES) -> Path:
    """A small OOXML-looking ZIP whose one big member expands to `member_bytes` (written in 1 MiB steps)."""
    main = {"docx": "word/document.xml", "xlsx": "xl/worksheets/sheet1.xml"}[kind]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        if kind == "xlsx":
            z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
        block = b" " * 2**20
        with z.open(main, "w") as member:
            member.write(b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body>')
            written = 0
            while written < member_bytes:
                member.write(block)
                written += len(block)
            member.write(b"</w:body></w:document>")
    return path


def _lie_about_size(path: Path, member: str, declared: int) -> None:
    """Rewrites the member's uncompressed size in its local header and central directory entry."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(member)
    assert info.file_size < 2**32 - 1  # no ZIP64 extra field to patch
    struct.pack_into("<I", data, info.header_offset + 22, declared)  # local header: uncompressed size
    name = member.encode()
    central = data.find(b"PK\x01\x02")  # central directory entries (the member data is spaces, never this)
    while central >= 0:
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46: central + 46 + name_len]) == name:
            struct.pack_into("<I", data, central + 24, declared)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    else:
        raise AssertionError("central directory entry not found")
    path.write_bytes(bytes(data))


@pytest.fixture(scope="module")
def bombs(fuzz_dir: Path) -> dict[str, Path]:
    folder = fuzz_dir / "bombs"
    folder.mkdir()
    out = {}
    for kind in ("docx", "xlsx"):
        honest = _bomb(folder / f"bomb.{kind}", kind)
        liar = folder / f"lying-bomb.{kind}"
        shutil.copy(honest, liar)
        _lie_about_size(liar, {"docx": "word/document.xml", "xlsx": "xl/worksheets/sheet1.xml"}[kind], 4096)
        out[f"honest-{kind}"], out[f"lying-{kind}"] = honest, liar
    for path in out.values():
        assert path.stat().st_size < 3 * 2**20, f"{path.name} is {path.stat().st_size} bytes on disk"
    return out


@pytest.mark.parametrize("name", ["honest-docx", "honest-xlsx", "lying-docx", "lying-xlsx"])
def test_zip_bomb_is_rejected_quickly_in_bounded_memory(name: str, bombs: dict[str, Path], real_index) -> None:
    path = bombs[name]
    if name.startswith("honest"):
        with zipfile.ZipFile(path) as z:
            assert sum(i.file_size for i in z.infolist()) > MAX_PACKAGE_BYTES
    tracemalloc.start()
    started = time.perf_counter()
    try:
        error = pytest.raises(IngestError, load, path).value
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    elapsed = time.perf_counter() - started
    message = assert_clean_error(error, path)
    if name.startswith("honest"):
        assert "too large" in message and "uncompressed" in message, message
    assert elapsed < 10, f"{name} took {elapsed:.1f} s to refuse"
    assert peak < 64 * 2**20, f"{name}: {peak / 2**20:.0f} MiB allocated while refusing it"
    CASES[(f"zip-bomb:{name}", "rejected")] += 1
    assert_ingest_rejects(real_index, path)


# ---------------------------------------------------------------- last: every reason on one line


def test_parser_error_text_with_newlines(seeds, fuzz_dir: Path) -> None:
    """lxml's messages span lines; found by the member fuzzing above, replayed here so it is always checked."""
    with zipfile.ZipFile(io.BytesIO(seeds[".docx"])) as z:
        types = z.read("[Content_Types].xml")
    broken = _rezip(seeds[".docx"], "[Content_Types].xml", _apply(types, ("overwrite", (1, b"\x00"))))
    path = write_case(fuzz_dir, ".docx", broken, "nul-xml")
    assert attempt(path, ".docx:nul-in-xml") == "rejected"


def test_every_reason_is_one_line() -> None:
    """Runs after all the cases above (pytest keeps file order) and judges the reasons they collected."""
    assert sum(CASES.values()) > 0, "run the whole module: this test judges what the others collected"
    if MULTI_LINE:
        pytest.xfail(
            f"ingest.loaders.load: {len(MULTI_LINE)} reason(s) span several lines because the parser's exception text is "
            f"copied verbatim (e.g. {MULTI_LINE[0]!r}); fold whitespace (' '.join(str(exc).split())) there, or in "
            "IngestError.__init__")
