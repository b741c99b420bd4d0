"""Synthetic corpus generator: N budget disclosures made by varying the real ones.

Each generated document is one real disclosure (from `samples/` and `/work/shared/corpus/real/`,
deduplicated by content) with
  * its department name replaced by a generated, plausible one (上海市静安区体育局, 中共保定市委宣传部 …),
  * every year shifted by one offset, so the budget year lands in 2016–2026 and 上年 stays 上年,
  * every money figure and every quantity with a unit scaled by one random factor per document
    (formats kept: 189,767,551 stays an integer with thousands separators, 1,234.56 keeps two
    decimals, the unit is untouched). Percentages, codes (201 01 01), list numbers and dates are
    left alone; one factor per document keeps shares, sums and growth rates consistent.

Output is `.txt` in the tab-led layout the txt loader reads (a cell is a line starting with a tab,
a blank line ends a row, two blank lines end a table). A PDF/JSON/HTML source is laid out from what
the product's own loader extracted (`ingest.loaders.load`, the text `parse_file` stores), so table
rows stay tables. Deterministic for a given --seed.

    python -m eval.bench.corpus --n 100 --out /tmp/corpus --seed 7 [--check 10]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from ingest.loaders import load
from ingest.loaders.decoding import decode_text
from ingest.metadata import detect_metadata
from ingest.model import RawDocument

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SOURCES = [REPO / "samples", Path("/work/shared/corpus/real")]
SOURCE_EXTENSIONS = {".txt", ".pdf", ".json", ".jsp"}
YEARS = (2016, 2026)
FACTOR_RANGE = (0.3, 3.0)  # log-uniform per document

_REGIONS = [
    "上海市静安区", "上海市徐汇区", "上海市长宁区", "上海市杨浦区", "上海市闵行区", "上海市宝山区",
    "上海市嘉定区", "上海市虹口区", "上海市黄浦区", "上海市松江区", "上海市普陀区", "廊坊市安次区",
    "廊坊市广阳区", "保定市莲池区", "重庆市渝中区", "重庆市江北区", "杭州市西湖区", "南京市鼓楼区",
    "苏州市姑苏区", "成都市武侯区",
]
_AGENCIES = [
    "教育局", "卫生健康委员会", "民政局", "人力资源和社会保障局", "生态环境局", "市场监督管理局", "体育局",
    "文化和旅游局", "统计局", "审计局", "应急管理局", "退役军人事务局", "医疗保障局", "水务局",
    "科学技术委员会", "发展和改革委员会", "住房保障和房屋管理局", "绿化和市容管理局", "建设和管理委员会",
    "档案局", "机关事务管理局", "国有资产监督管理委员会", "农业农村委员会", "地方志办公室",
]
_STREETS = ["长风新村", "甘泉路", "宜川路", "曹杨新村", "长寿路", "江宁路", "曹家渡", "临汾路", "彭浦新村", "大宁路"]
_PARTY_CITIES = ["廊坊市", "保定市", "唐山市", "上海市普陀区", "上海市静安区", "重庆市渝中区", "杭州市西湖区"]
_PARTY_DEPTS = [
    "组织部", "宣传部", "统一战线工作部", "政法委员会", "社会工作部", "机构编制委员会办公室", "老干部局",
    "网络安全和信息化委员会办公室",
]


def department_names(exclude: set[str] = frozenset()) -> list[str]:
    """Plausible generated department names (sorted, so a seed always picks the same ones)."""
    names = {f"{r}{a}" for r in _REGIONS for a in _AGENCIES}
    names |= {f"{r}人民政府{s}街道办事处" for r in _REGIONS if r.startswith("上海市") for s in _STREETS}
    names |= {f"中共{c}委{d}" for c in _PARTY_CITIES for d in _PARTY_DEPTS}
    return sorted(names - set(exclude))


@dataclass(frozen=True)
class Template:
    """One real disclosure in the txt layout, with what its text says about who and when."""

    source: str
    text: str
    department: str
    year: int


def real_sources(dirs: list[Path]) -> list[Path]:
    """Disclosure files under `dirs`, one per distinct content (samples/ repeats one real PDF)."""
    seen: set[str] = set()
    out: list[Path] = []
    for folder in dirs:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.suffix.lower() in SOURCE_EXTENSIONS:
                sha = hashlib.sha256(path.read_bytes()).hexdigest()
                if sha not in seen:
                    seen.add(sha)
                    out.append(path)
    return out


def relayout(raw: RawDocument) -> str:
    """The loader's lines and tables rewritten in the txt loader's tab-led layout, in reading order."""
    items = [(ln.start, 0, ln) for ln in raw.lines] + [(t.start, 1, t) for t in raw.tables]
    parts: list[str] = []
    for _, is_table, item in sorted(items, key=lambda x: (x[0], x[1])):
        if not is_table:
            parts.append(item.text.replace("\t", " ") + "\n")
            continue
        parts.append("\n")
        for row in item.rows:
            # a lone tab is an empty cell; the loader needs a cell before it, which every real table has
            parts.extend(f"\t{cell.text}\n" for cell in row)
            parts.append("\n")  # blank line: end of row
        parts.append("\n")  # second blank line: end of table
    return "".join(parts)


def load_template(path: Path) -> Template:
    """Reads one real disclosure as a template (the txt layout, its department and year)."""
    if path.suffix.lower() == ".txt":
        text = decode_text(path.read_bytes(), path.name)
        raw = load(path)
    else:
        raw = load(path)
        text = relayout(raw)
    meta = detect_metadata(raw)
    if not meta.department or not meta.year:
        raise ValueError(f"{path.name}: department or year not detected; cannot use it as a template")
    return Template(path.name, text, meta.department, meta.year)


_NUMBER = re.compile(
    r"(?<![\d.,])(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<dec>\.\d+)?(?!\d)"
    r"(?P<space>[ \u3000]?)(?P<unit>万元|亿元|元|%|％|平方米|公里|人次|人|辆|台|个|项|次|套|件|户|名|座|条|册|份|场|年|月|日)?"
)
_COUNT_UNITS = {"平方米", "公里", "人次", "人", "辆", "台", "个", "项", "次", "套", "件", "户", "名", "座", "条", "册", "份", "场"}


def _scaled(match: re.Match[str], factor: Decimal) -> str:
    integer, decimals, unit = match["int"], match["dec"] or "", match["unit"]
    value = Decimal(integer.replace(",", "") + decimals) * factor
    places = len(decimals) - 1 if decimals else 0
    if unit in _COUNT_UNITS and not decimals:
        value = value.quantize(Decimal(1), ROUND_HALF_UP)
    value = value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    body = f"{value:,.{places}f}" if "," in integer else f"{value:.{places}f}"
    return body + match["space"] + (unit or "")


def vary(template: Template, department: str, year: int, factor: float) -> str:
    """The template's text for another department and year, its figures scaled by `factor`."""
    shift = year - template.year
    scale = Decimal(str(round(factor, 4)))

    def replace(match: re.Match[str]) -> str:
        integer, decimals, unit = match["int"], match["dec"], match["unit"]
        if unit == "年" and not decimals and re.fullmatch(r"(19|20)\d\d", integer):
            return f"{int(integer) + shift}{match['space']}年"  # a year: shifted, never scaled
        if unit in ("年", "月", "日", "%", "％"):
            return match.group(0)  # dates, durations and percentages are kept
        if decimals or "," in integer or unit:
            return _scaled(match, scale)
        return match.group(0)  # bare integers: codes, list numbers, counts without a unit

    text = template.text.replace(template.department, department)
    if template.department not in template.text:  # the name is printed letter-spaced or wrapped
        spaced = r"\s*".join(map(re.escape, template.department))
        text = re.sub(spaced, department, text)
    return _NUMBER.sub(replace, text)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", Path(name).stem.lower()).strip("-")[:40]


def generate(n: int, out_dir: Path, seed: int = 0, sources: list[Path] | None = None,
             templates: list[Template] | None = None) -> list[dict]:
    """Writes `n` generated `.txt` disclosures into `out_dir`; returns one manifest row per file."""
    templates = templates or [load_template(p) for p in real_sources(sources or DEFAULT_SOURCES)]
    names = department_names(exclude={t.department for t in templates})
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for i in range(n):
        template = templates[i % len(templates)]  # every source equally often
        department = rng.choice(names)
        year = rng.randint(*YEARS)
        factor = FACTOR_RANGE[0] * (FACTOR_RANGE[1] / FACTOR_RANGE[0]) ** rng.random()
        path = out_dir / f"gen-{i:05d}-{_slug(template.source)}.txt"
        path.write_text(vary(template, department, year, factor), encoding="utf-8")
        rows.append({"file": path.name, "source": template.source, "department": department, "year": year,
                     "factor": round(factor, 4)})
    (out_dir / "manifest.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return rows


def check(out_dir: Path, rows: list[dict], limit: int) -> bool:
    """Parses generated files with the product's parse_file; prints facts/chunks and whether meta was detected."""
    from ingest.pipeline import parse_file

    ok = True
    picked = rows if limit < 0 else rows[:limit]
    for row in picked:
        doc = parse_file(out_dir / row["file"])
        good = doc.meta.department == row["department"] and doc.meta.year == row["year"] and len(doc.facts) > 0
        ok &= good
        print(f"  {'ok ' if good else 'BAD'} {row['file']:<60} {doc.meta.department} {doc.meta.year} "
              f"facts={len(doc.facts)} tables={len(doc.tables)} chunks={len(doc.chunks)}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, required=True, help="number of documents to write")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sources", type=Path, nargs="*", default=DEFAULT_SOURCES, help="folders of real disclosures")
    parser.add_argument("--check", type=int, default=5, help="parse this many generated files with parse_file (-1: all, 0: none)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    rows = generate(args.n, args.out, args.seed, args.sources)
    print(f"wrote {len(rows)} documents to {args.out} in {time.perf_counter() - started:.1f}s (manifest.jsonl beside them)")
    if args.check:
        return 0 if check(args.out, rows, args.check) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
