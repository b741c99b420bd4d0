"""Admin document management: stream an upload to disk under a generated name, ingest it, remove documents.

The size limit is enforced while the body arrives (413 as soon as the file passes it), the
extension is checked from the part headers before any byte is written (415), and the client's
file name is never used as a path: the file arrives as `<random hex>.part<extension>` and, once it
is a document, is kept as `<sha256, 32 hex digits><extension>`. The client's file name (its last
path part, cleaned) is the document's source: a corrected file uploaded under the same name replaces
the old document, and the public sees the name the publisher gave the file, never a generated one.
A crash mid-upload leaves a `.part` file and a pending row; `clean_up_after_crash` removes both when
the server starts.
"""

from __future__ import annotations

import logging
import os
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from fastapi import Request
from python_multipart.exceptions import FormParserError, MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

from api.errors import ApiError
from api.messages import echo, ingest_failure
from api.schemas import DocumentList, DocumentPublic, RemovedDocument, UploadResult
from config.settings import Settings
from index.corpus_index import CorpusIndex, IndexBusy
from index.ingestion import ingest_paths, remove_documents
from ingest.pipeline import MetaOverrides, file_sha256

log = logging.getLogger("budgetqa.api")

UPLOADS_DIR = "uploads"  # under data_dir; holds the stored copy of every uploaded document
PART = ".part"  # `<random hex>.part<extension>`: an upload still arriving or being ingested
STORED_STEM = 32  # hex digits of the content's sha256 naming a kept upload
MAX_NAME_CHARS = 120  # a client file name kept as a source is cut to this (extension kept)
FILE_FIELD = "file"
MULTIPART_OVERHEAD = 64 * 1024  # boundaries and part headers; a Content-Length above limit + this is refused unread
MAX_FIELD_BYTES = 4 * 1024  # other form fields are ignored, but may not be large
BUSY_MESSAGE = "另一个导入正在写入索引，请稍后再试"


def source_name(client_name: str, extension: str) -> str:
    """The name a document uploaded as `client_name` is known by: its last path part, without control
    characters, at most MAX_NAME_CHARS long, ending in its (checked) extension."""
    name = "".join(c for c in client_name if unicodedata.category(c) not in ("Cc", "Cf", "Cs")).strip()
    if name.lower().endswith(extension):
        name, extension = name[: len(name) - len(extension)], name[len(name) - len(extension):]  # keeps its case
    return (name[: MAX_NAME_CHARS - len(extension)].strip() or "upload") + extension


def stored_name(sha256: str, extension: str) -> str:
    return f"{sha256[:STORED_STEM]}{extension}"


def _arriving(path: Path) -> bool:
    return PART in path.suffixes[:1]


@dataclass
class SavedUpload:
    """An uploaded file on disk under a generated name; `client_name` (cleaned) becomes the document's source."""

    path: Path
    client_name: str
    extension: str
    size: int = 0


@dataclass
class _Receiver:
    """python-multipart callbacks writing the one file part to `folder`."""

    folder: Path
    max_bytes: int
    extensions: set[str]
    headers: dict[bytes, bytes] = field(default_factory=dict)
    header_name: bytes = b""
    header_value: bytes = b""
    in_file: bool = False
    other_bytes: int = 0
    upload: SavedUpload | None = None
    handle: object = None

    def callbacks(self) -> dict:
        return {
            "on_part_begin": self.part_begin, "on_header_field": self.header_field, "on_header_value": self.header_value_,
            "on_header_end": self.header_end, "on_headers_finished": self.headers_finished,
            "on_part_data": self.part_data, "on_part_end": self.part_end,
        }

    def part_begin(self) -> None:
        self.headers, self.in_file = {}, False

    def header_field(self, data: bytes, start: int, end: int) -> None:
        self.header_name += data[start:end]

    def header_value_(self, data: bytes, start: int, end: int) -> None:
        self.header_value += data[start:end]

    def header_end(self) -> None:
        self.headers[self.header_name.lower()] = self.header_value
        self.header_name, self.header_value = b"", b""

    def headers_finished(self) -> None:
        _, options = parse_options_header(self.headers.get(b"content-disposition", b""))
        if b"filename" not in options:
            return
        if options.get(b"name") != FILE_FIELD.encode():
            raise ApiError(400, f"文件须放在表单字段 {FILE_FIELD} 中")
        if self.upload is not None:
            raise ApiError(400, "一次只能上传一个文件")
        client_name = PurePosixPath(options[b"filename"].decode("utf-8", "replace").replace("\\", "/")).name
        extension = PurePosixPath(client_name).suffix.lower()
        if extension not in self.extensions:
            raise ApiError(415, f"不支持的文件类型“{echo(extension, 20) or '（无扩展名）'}”；支持：{'、'.join(sorted(self.extensions))}",
                           supported=sorted(self.extensions))
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{uuid.uuid4().hex}{PART}{extension}"
        self.upload = SavedUpload(path, source_name(client_name, extension), extension)
        self.handle = path.open("xb")
        self.in_file = True

    def part_data(self, data: bytes, start: int, end: int) -> None:
        if not self.in_file:
            self.other_bytes += end - start
            if self.other_bytes > MAX_FIELD_BYTES:
                raise ApiError(400, "表单字段过大")
            return
        self.upload.size += end - start
        if self.upload.size > self.max_bytes:
            raise ApiError(413, f"文件超过 {self.max_bytes / 2**20:.1f} MiB 的上限", limit_bytes=self.max_bytes)
        self.handle.write(data[start:end])

    def part_end(self) -> None:
        if self.in_file:
            self.handle.close()
            self.in_file = False

    def discard(self) -> None:
        if self.handle is not None and not self.handle.closed:
            self.handle.close()
        if self.upload is not None:
            self.upload.path.unlink(missing_ok=True)


async def save_upload(request: Request, folder: Path, max_bytes: int, extensions: set[str]) -> SavedUpload:
    """Streams the multipart body's `file` part to `folder` under a generated name."""
    content_type, options = parse_options_header(request.headers.get("content-type", ""))
    if content_type != b"multipart/form-data" or not options.get(b"boundary"):
        raise ApiError(400, f"请以 multipart/form-data 上传，文件字段名为 {FILE_FIELD}")
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes + MULTIPART_OVERHEAD:
        raise ApiError(413, f"文件超过 {max_bytes / 2**20:.1f} MiB 的上限", limit_bytes=max_bytes)
    receiver = _Receiver(folder, max_bytes, extensions)
    parser = MultipartParser(options[b"boundary"], receiver.callbacks())
    try:
        async for chunk in request.stream():
            parser.write(chunk)
        parser.finalize()
    except (MultipartParseError, FormParserError) as error:
        receiver.discard()
        raise ApiError(400, "上传内容不是有效的 multipart 表单") from error
    except BaseException:
        receiver.discard()
        raise
    if receiver.upload is None or receiver.in_file:
        receiver.discard()
        raise ApiError(400, f"缺少文件字段 {FILE_FIELD}")
    return receiver.upload


def ingest_upload(index: CorpusIndex, upload: SavedUpload, settings: Settings, overrides: MetaOverrides) -> UploadResult:
    """Ingests the uploaded file (blocking) under the name it was uploaded with; keeps it only when it
    became a document, and drops the stored copy of any version it replaced."""
    folder = upload.path.parent
    options = settings.parse_options()
    earlier = {d.doc_id: d for d in index.documents() if d.source == upload.client_name}
    stored: Path | None = None
    try:
        report = ingest_paths(index, [upload.path], options, overrides, sources={upload.path: upload.client_name})
        if report.errors:
            raise ApiError(422, ingest_failure(upload.client_name, report.errors[0].reason))
        sha = file_sha256(upload.path)
        if report.added or report.replaced:
            stored = folder / stored_name(sha, upload.extension)
            os.replace(upload.path, stored)
        record = index.find_by_sha(sha)
    except IndexBusy as busy:
        raise ApiError(409, BUSY_MESSAGE) from busy
    finally:
        upload.path.unlink(missing_ok=True)
    ready = {d.doc_id for d in index.documents()}
    for old in earlier.values():
        if old.doc_id not in ready:  # replaced by this upload
            _drop_stored_copy(folder, old.sha256, old.source)
    log.info("upload of %d bytes: added %d, replaced %d, unchanged %d", upload.size, len(report.added), len(report.replaced),
             len(report.unchanged))
    return UploadResult(
        stored_as=stored.name if stored else None, added=report.added, replaced=report.replaced, unchanged=report.unchanged,
        facts=report.facts, chunks=report.chunks, document=DocumentPublic.of(record) if record else None,
    )


def _drop_stored_copy(folder: Path, sha256: str, source: str) -> None:
    """Deletes the kept upload of a document that is gone (and a copy stored the old way, named as its source)."""
    for path in folder.glob(f"{sha256[:STORED_STEM]}.*"):
        if not _arriving(path):
            path.unlink(missing_ok=True)
    legacy = folder / PurePosixPath(source).name  # before sources were client names, the generated name was the source
    if len(legacy.stem) == STORED_STEM and legacy.is_file():
        legacy.unlink(missing_ok=True)


def remove_document(index: CorpusIndex, settings: Settings, doc_id: str) -> RemovedDocument:
    """Removes a document from every store, and its stored upload if it came through the API."""
    record = next((d for d in index.documents() if d.doc_id == doc_id), None)
    if record is None:
        raise ApiError(404, f"没有编号为 {echo(doc_id)} 的文件")
    try:
        remove_documents(index, [doc_id])
    except IndexBusy as busy:
        raise ApiError(409, BUSY_MESSAGE) from busy
    if not any(d.sha256 == record.sha256 or d.source == record.source for d in index.documents()):
        _drop_stored_copy(settings.data_dir / UPLOADS_DIR, record.sha256, record.source)
    return RemovedDocument(removed=doc_id)


def clean_up_after_crash(index: CorpusIndex, settings: Settings) -> None:
    """At start-up: removes what a crash mid-upload left (a pending row, vectors, a `.part` file, a kept
    copy of a document that never became ready). Skipped while another process is writing (it cleans up)."""
    folder = settings.data_dir / UPLOADS_DIR
    try:
        with index.writing():
            removed = index.recover()
            ready = index.documents()
            kept = {d.sha256[:STORED_STEM] for d in ready} | {PurePosixPath(d.source).stem for d in ready}
            stray = [p for p in folder.iterdir() if p.is_file() and (_arriving(p) or p.name.split(".")[0] not in kept)] \
                if folder.is_dir() else []
            for path in stray:
                path.unlink(missing_ok=True)
    except IndexBusy:
        log.warning("another process is writing to %s; crash clean-up left to it", settings.data_dir)
        return
    if removed or stray:
        log.warning("cleaned up after a crash: %d half-written document(s), %d stray upload file(s)", len(removed), len(stray))


def document_list(index: CorpusIndex) -> DocumentList:
    docs = index.documents()
    return DocumentList(
        total=len(docs), departments=sorted({d.department for d in docs}), years=sorted({d.year for d in docs if d.year}),
        documents=[DocumentPublic.of(d) for d in docs],
    )
