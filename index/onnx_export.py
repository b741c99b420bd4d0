"""ONNX exports of a local sentence-transformers model, made once from its own weights and kept in a cache.

The exported graph is the whole sentence-transformers pipeline as the model folder configures it
(transformer, pooling, any normalisation) followed by L2 normalisation, as the torch path encodes.
An export lives in `<cache>/<model>-<digest of the model files>[-int8]/model.onnx`. It is written to a
temporary folder and renamed into place under a file lock, so a crash leaves no half-written export and
two processes starting at once export only once.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import shutil
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path

MODEL_FILE = "model.onnx"
MODEL_INPUTS = ("input_ids", "attention_mask", "token_type_ids")  # those the tokenizer gives are exported
OUTPUT_NAME = "embedding"
EXPORT_FORMAT = "1"  # part of the digest: changing how the graph is built makes a new export
OPSET = 17
_DIGESTED_SUFFIXES = {".json", ".bin", ".safetensors", ".txt", ".model"}  # weights, configs, vocabulary


def model_digest(model_dir: Path) -> str:
    """A short hash of the files that define the model (weights, configs, vocabulary)."""
    digest = hashlib.sha256(EXPORT_FORMAT.encode())
    for path in sorted(p for p in model_dir.rglob("*") if p.is_file() and p.suffix in _DIGESTED_SUFFIXES):
        digest.update(str(path.relative_to(model_dir)).encode())
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()[:16]


def onnx_model(model_dir: Path, cache_dir: Path, quantized: bool) -> Path:
    """The exported model file for `model_dir` (int8 weights when `quantized`), exporting it on first use."""
    base = f"{model_dir.name}-{model_digest(model_dir)}"
    full = _published(cache_dir, base, lambda out: _export(model_dir, out / MODEL_FILE))
    if not quantized:
        return full / MODEL_FILE
    return _published(cache_dir, f"{base}-int8", lambda out: _quantize(full / MODEL_FILE, out / MODEL_FILE)) / MODEL_FILE


def _published(cache_dir: Path, name: str, build: Callable[[Path], None]) -> Path:
    """`cache_dir/name`, built by `build(folder)` into a temporary folder and renamed into place if missing."""
    final = cache_dir / name
    if (final / MODEL_FILE).is_file():
        return final
    cache_dir.mkdir(parents=True, exist_ok=True)
    lock = os.open(cache_dir / f".{name}.lock", os.O_CREAT | os.O_RDWR)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second process waits here, then finds the export made
        if (final / MODEL_FILE).is_file():
            return final
        for leftover in cache_dir.glob(f".{name}.tmp*"):  # from a process killed mid-export
            shutil.rmtree(leftover, ignore_errors=True)
        scratch = Path(tempfile.mkdtemp(prefix=f".{name}.tmp", dir=cache_dir))
        try:
            build(scratch)
            scratch.chmod(0o755)  # mkdtemp makes it private; an export is readable like any cache entry
            os.rename(scratch, final)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        return final
    finally:
        os.close(lock)


def _export(model_dir: Path, target: Path) -> None:
    import torch
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(model_dir), device="cpu").eval()

    sample = model.tokenizer(["预算", "一般公共预算财政拨款支出"], padding=True, return_tensors="pt")
    names = [name for name in MODEL_INPUTS if name in sample]

    class Normalised(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.pipeline = model

        def forward(self, *tensors):
            features = dict(zip(names, tensors))
            return torch.nn.functional.normalize(self.pipeline(features)["sentence_embedding"], p=2, dim=1)

    dynamic = {name: {0: "batch", 1: "tokens"} for name in names} | {OUTPUT_NAME: {0: "batch"}}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the tracer's notes on shape checks that are constant for this graph
        torch.onnx.export(Normalised().eval(), tuple(sample[name] for name in names), str(target), input_names=names,
                          output_names=[OUTPUT_NAME], dynamic_axes=dynamic, opset_version=OPSET, dynamo=False)


def _quantize(source: Path, target: Path) -> None:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    logging.disable(logging.WARNING)  # the quantizer's advice to pre-process first, which dynamic int8 does not need
    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8)
    finally:
        logging.disable(logging.NOTSET)
        root.handlers[:] = handlers  # its modules configure the root logger when imported
        root.setLevel(level)
