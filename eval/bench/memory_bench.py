"""Peak RSS of embedding documents one after another, with and without handing freed heap memory back.

Reads the chunks of an index kept by `scale_bench --keep` or `index_bench --keep` (…/data) and embeds each
document's chunks as `VectorStore.add` does (batches of ADD_BATCH, then `index.memory.release_freed_memory`),
with the kernel's peak-RSS count reset before each document. `--no-release` leaves the release out: the
product before issue 14, whose peak grew with every document embedded.

    python -m eval.bench.memory_bench --data-dir DIR/data [--documents 16] [--no-release]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from eval.bench import common
from eval.bench.common import table
from eval.bench.scale_bench import reset_peak, rss_mib


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--documents", type=int, default=16)
    parser.add_argument("--no-release", action="store_true", help="do not hand freed heap memory back after each batch")
    args = parser.parse_args(argv)

    from index.fact_store import FactStore
    from index.memory import release_freed_memory
    from index.vector_store import ADD_BATCH

    settings = common.bench_settings(args.data_dir, common.read_info(args.data_dir).get("model", "auto"))
    store = FactStore(settings.index_config().sqlalchemy_url)
    texts = [[c.text for c in store.chunks([d.doc_id])] for d in store.documents()[: args.documents]]
    store.close()
    from index.embeddings import LocalSentenceEmbeddings

    model = LocalSentenceEmbeddings(settings.embedding_model, settings.embedding_backend)
    model.embed_query("预算")
    rows, started = [], time.perf_counter()
    for i, chunks in enumerate(texts, start=1):
        reset_peak()
        for at in range(0, len(chunks), ADD_BATCH):
            model.embed_documents(chunks[at:at + ADD_BATCH])
            if not args.no_release:
                release_freed_memory()
        now, peak = rss_mib()
        rows.append([i, len(chunks), f"{now:.0f}", f"{peak:.0f}"])
    elapsed = time.perf_counter() - started
    print(f"== {'without' if args.no_release else 'with'} release_freed_memory: {len(texts)} documents, "
          f"{sum(len(t) for t in texts)} chunks embedded in {elapsed:.1f}s")
    print(table(["document", "chunks", "RSS after MiB", "peak while embedding it MiB"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
