"""Sentence embeddings from an ONNX export (index/onnx_export.py), run by ONNX Runtime with the model's tokenizer."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from index.onnx_export import OUTPUT_NAME


class OnnxEncoder:
    """Encodes texts as the torch path does: longest first in batches, truncated to the model's window."""

    def __init__(self, model_file: Path, tokenizer, max_tokens: int):
        import onnxruntime

        self._session = onnxruntime.InferenceSession(str(model_file), providers=["CPUExecutionProvider"])
        self._inputs = [i.name for i in self._session.get_inputs()]
        self._tokenizer = tokenizer
        self._max_tokens = max_tokens

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        """Unit-length vectors, one row per text, in the order given."""
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))  # similar lengths share a batch: less padding
        rows: list[np.ndarray] = [np.empty(0)] * len(texts)
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]
            encoded = self._tokenizer([texts[i] for i in batch], padding=True, truncation=True,
                                      max_length=self._max_tokens, return_tensors="np")
            vectors = self._session.run([OUTPUT_NAME], {name: encoded[name].astype(np.int64) for name in self._inputs})[0]
            for i, vector in zip(batch, vectors):
                rows[i] = vector
        return np.stack(rows)
