"""Documents: list and audit findings (staff), upload and remove (admin), and the public text around a citation."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from api.deps import AdminRole, AssistantDep, IndexDep, SettingsDep, StaffRole, rate_limit_text
from api.errors import ApiError
from api.messages import echo
from api.schemas import DocumentFindings, DocumentList, ErrorBody, RemovedDocument, SourceSpan, UploadResult
from api.sources import source_span
from api.uploads import UPLOADS_DIR, document_list, ingest_upload, remove_document, save_upload
from ingest.loaders import supported_extensions
from ingest.model import DocumentKind
from ingest.pipeline import MetaOverrides

AUTH_ERRORS = {401: {"model": ErrorBody, "description": "X-API-Key missing"}, 403: {"model": ErrorBody, "description": "Key not allowed"}}
UPLOAD_BODY = {  # the route reads the body as a stream, so the form is described by hand for /docs
    "requestBody": {
        "required": True,
        "content": {"multipart/form-data": {"schema": {
            "type": "object", "required": ["file"],
            "properties": {"file": {"type": "string", "format": "binary", "description": f"One of {', '.join(supported_extensions())}"}},
        }}},
    }
}

router = APIRouter(prefix="/api/documents", tags=["documents"])


@router.get("", response_model=DocumentList, responses=AUTH_ERRORS)
def list_documents(_: StaffRole, assistant: AssistantDep) -> DocumentList:
    """Ingested documents, with the departments and years available as filters."""
    return document_list(assistant.index)


@router.post(
    "", status_code=201, response_model=UploadResult, openapi_extra=UPLOAD_BODY,
    responses={**AUTH_ERRORS, **{code: {"model": ErrorBody} for code in (400, 409, 413, 415, 422)}},
)
async def upload_document(
    request: Request,
    response: Response,
    _: AdminRole,
    assistant: AssistantDep,
    settings: SettingsDep,
    department: Annotated[str | None, Query(description="Override the detected department")] = None,
    year: Annotated[int | None, Query(description="Override the detected year")] = None,
    kind: Annotated[DocumentKind | None, Query(description="Override the detected kind")] = None,
) -> UploadResult:
    """Uploads and ingests one file (201 when added, 200 when the same file was already ingested)."""
    upload = await save_upload(request, settings.data_dir / UPLOADS_DIR, settings.max_file_bytes, set(supported_extensions()))
    result = await run_in_threadpool(ingest_upload, assistant.index, upload, settings, MetaOverrides(department, year, kind))
    if not result.added and not result.replaced:
        response.status_code = 200
    return result


@router.delete("/{doc_id}", response_model=RemovedDocument, responses={**AUTH_ERRORS, 404: {"model": ErrorBody}, 409: {"model": ErrorBody}})
def delete_document(doc_id: str, _: AdminRole, assistant: AssistantDep, settings: SettingsDep) -> RemovedDocument:
    """Removes a document from the fact store, vectors and keyword index."""
    return remove_document(assistant.index, settings, doc_id)


@router.get("/{doc_id}/findings", response_model=DocumentFindings, responses={**AUTH_ERRORS, 404: {"model": ErrorBody}})
def document_findings(doc_id: str, _: StaffRole, index: IndexDep) -> DocumentFindings:
    """Where a document contradicts itself (sums, one figure in two places, stated arithmetic, wording), each
    finding with its rule, severity, message, figures and the quotes of every side. Staff only: a finding is
    for checking the source, not an answer."""
    record = next((d for d in index.documents() if d.doc_id == doc_id), None)
    if record is None:
        raise ApiError(404, f"没有编号为 {echo(doc_id)} 的文件")
    return DocumentFindings.of(record, index.facts.findings(doc_id))


@router.get("/{doc_id}/text", response_model=SourceSpan, dependencies=[Depends(rate_limit_text)],
            responses={400: {"model": ErrorBody}, 404: {"model": ErrorBody}, 429: {"model": ErrorBody}})
def document_text(
    doc_id: str,
    assistant: AssistantDep,
    start: Annotated[int, Query(description="Start offset of the quote in the document text")],
    end: Annotated[int, Query(description="End offset (exclusive)")],
) -> SourceSpan:
    """The quoted span with up to 200 characters of context each side, and where it sits in the document."""
    return source_span(assistant, doc_id, start, end)
