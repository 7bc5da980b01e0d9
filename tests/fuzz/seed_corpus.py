#!/usr/bin/env python3
"""Builds the fuzzers' seed corpus: one file per input, at most 64 KiB each.

    python3 tests/fuzz/seed_corpus.py OUT_DIR [SHARED_DIR]

Seeds, so libFuzzer starts from real CSV shapes rather than from nothing:
- every *.csv of the conformance suites under SHARED/conformance/csv
  (csv-spectrum, rust-csv, papaparse);
- the input strings inside those suites' JSON vector files: CPython's
  reader vectors and sniffer samples, csv-core's parses_to! vectors,
  PapaParse's parser cases, and the CSV text that the writer vectors
  (CPython writer, PapaParse unparse) expect as output;
- SHARED/data/i18n/*.csv and *.txt (UTF-8 BOM, Windows-1256, UTF-16LE);
- the first 64 KiB of each data file in SHARED/data/real;
- the repository's own tests/fixtures/*.csv.

OUT_DIR is emptied first, so running it again gives the same corpus.
A missing SHARED_DIR (default: /work/shared, or $NIMROKH_SHARED) is
reported and skipped: the fixtures alone still make a corpus.
"""

import json
import os
import shutil
import sys
from pathlib import Path

# libFuzzer runs with -max_len=65536: longer seeds would be cut anyway.
MAX_SEED = 64 * 1024
REPO = Path(__file__).resolve().parents[2]


def lines_to_text(lines):
    """CPython reader vectors hold the lines a reader iterates over; join
    them the way a file would hold them (a line without its own ending gets
    a newline)."""
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n")
    return "".join(out)


def python_csv_inputs(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    for vector in data["vectors"]:
        if vector["kind"] == "writer" and isinstance(vector.get("expected"), str):
            yield vector["expected"]
        elif isinstance(vector.get("input"), str):
            yield vector["input"]
        elif isinstance(vector.get("input"), list):
            yield lines_to_text(vector["input"])


def sniffer_inputs(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    yield from (text for _, text in sorted(data["samples"].items()))


def csv_core_inputs(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    yield from (case["input"] for case in data["cases"])


def papaparse_inputs(path):
    cases = json.loads(path.read_text(encoding="utf-8"))
    for case in cases:
        if path.name == "UNPARSE_TESTS.json":
            text = case.get("expected")  # unparse: JSON in, CSV text out
        else:
            text = case.get("input")
            if (case.get("config") or {}).get("download"):
                text = None  # a URL to fetch, not CSV text
        if isinstance(text, str):
            yield text


VECTOR_FILES = {
    "python-csv/test_csv_vectors.json": python_csv_inputs,
    "python-csv/sniffer_samples.json": sniffer_inputs,
    "rust-csv/csv-core-reader-vectors.json": csv_core_inputs,
    "papaparse/PARSE_TESTS.json": papaparse_inputs,
    "papaparse/PARSE_ASYNC_TESTS.json": papaparse_inputs,
    "papaparse/CORE_PARSER_TESTS.json": papaparse_inputs,
    "papaparse/UNPARSE_TESTS.json": papaparse_inputs,
}


class Corpus:
    def __init__(self, out):
        self.out = out
        self.seen = set()
        self.counts = {}

    def add(self, group, name, data):
        data = data[:MAX_SEED]
        if not data or data in self.seen:
            return
        self.seen.add(data)
        self.counts[group] = self.counts.get(group, 0) + 1
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
        (self.out / f"{group}--{safe}").write_bytes(data)

    def add_file(self, group, path):
        with path.open("rb") as handle:
            self.add(group, path.name, handle.read(MAX_SEED))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    shared = Path(
        sys.argv[2] if len(sys.argv) > 2 else os.environ.get("NIMROKH_SHARED", "/work/shared")
    )
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    corpus = Corpus(out)

    for path in sorted((REPO / "tests" / "fixtures").glob("*.csv")):
        corpus.add_file("fixtures", path)

    conformance = shared / "conformance" / "csv"
    if conformance.is_dir():
        for path in sorted(conformance.rglob("*.csv")):
            corpus.add_file(path.relative_to(conformance).parts[0], path)
        for relative, extract in VECTOR_FILES.items():
            path = conformance / relative
            if not path.is_file():
                print(f"skipping: {path} is absent", file=sys.stderr)
                continue
            group = relative.replace("/", "-").removesuffix(".json")
            for index, text in enumerate(extract(path)):
                corpus.add(group, f"{index:03}", text.encode("utf-8"))
    else:
        print(f"skipping: {conformance} is absent (conformance seeds)", file=sys.stderr)

    i18n = shared / "data" / "i18n"
    for path in sorted([*i18n.glob("*.csv"), *i18n.glob("*.txt")]):
        corpus.add_file("i18n", path)

    real = shared / "data" / "real"
    for path in sorted([*real.glob("*.csv"), *real.glob("*.txt")]):
        corpus.add_file("real", path)

    total = sum(corpus.counts.values())
    detail = ", ".join(f"{group} {count}" for group, count in sorted(corpus.counts.items()))
    print(f"seed corpus: {total} files in {out} ({detail})")


if __name__ == "__main__":
    main()
