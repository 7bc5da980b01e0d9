#!/usr/bin/env python3
"""Checks the demo files make_demo.py wrote, without Nimrokh:

    python3 tests/tools/demo/check_demo.py

1. The Jalali dates: make_demo's converter against jdatetime's 1,603 dates in
   tests/fixtures/jalali_jdatetime.csv (the oracle the Rust code is tested by).
2. The logs: every line's total is quantity x unit price, returns are the
   negative lines, no order number looks like a cancellation (C + digit),
   every customer of the transactions and feedback is in customers.csv,
   NPS answers are 0-10, dates fall in the two years, each flavour < 400 KB.
3. The comments against Nimrokh's sentiment lexicons
   (src/core/feedback/sentiment/lexicon_*.txt): how many comments contain a
   listed word or phrase, found as the Rust lookup finds it (letters folded,
   Arabic clitics and Persian/Arabic endings stripped). This mirrors the
   lookup only, not the scorer (no boosters, contrast or negation scope), so
   it says the comments are in the lexicons' vocabulary, not what they score.
"""

import csv
import datetime as dt
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
DATA = os.path.join(ROOT, "src", "web", "demo")
sys.path.insert(0, HERE)

from demo_locales import FLAVOURS, gregorian_to_jalali  # noqa: E402
from make_demo import END, START  # noqa: E402

LEXICONS = os.path.join(ROOT, "src/core/feedback/sentiment")


def check_jalali():
    checked = 0
    with open(os.path.join(ROOT, "tests/fixtures/jalali_jdatetime.csv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            jalali, gregorian, _ = line.strip().split(",")
            if gregorian == "INVALID":
                continue
            got = "%04d-%02d-%02d" % gregorian_to_jalali(dt.date.fromisoformat(gregorian))
            assert got == jalali, (gregorian, got, jalali)
            checked += 1
    print(f"jalali: {checked} dates agree with jdatetime")


def read(folder, name):
    with open(os.path.join(DATA, folder, name), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def parse_date(loc, text):
    if "/" not in text:
        return dt.date.fromisoformat(text)
    a, b, c = (int(x) for x in text.split("/"))
    if a > 1000:  # Jalali yyyy/mm/dd: find the Gregorian day by search
        return JALALI_TO_GREGORIAN[(a, b, c)]
    return dt.date(c, b, a)  # dd/mm/yyyy


JALALI_TO_GREGORIAN = {}
day = dt.date(2015, 1, 1)
while day <= dt.date(2026, 1, 1):
    JALALI_TO_GREGORIAN[gregorian_to_jalali(day)] = day
    day += dt.timedelta(days=1)


def check_logs(folder, loc):
    _, customers = read(folder, "customers.csv")
    header, lines = read(folder, "transactions.csv")
    _, feedback = read(folder, "feedback.csv")
    ids = {row[0] for row in customers}
    assert len(ids) == len(customers), "customer ids repeat"
    total_at = 5 if loc.headers["transactions"][5] != "unit_price" else 6
    unit_at = 11 - total_at
    returns = 0
    for order, customer, date, _, quantity, *money in lines:
        total, unit = float(money[total_at - 5]), float(money[unit_at - 5])
        assert abs(total - int(quantity) * unit) < 0.005, (order, total, quantity, unit)
        assert customer in ids, customer
        assert START <= parse_date(loc, date) <= END, date
        assert not order.upper().startswith("C"), order
        returns += int(quantity) < 0
        assert (total < 0) == (int(quantity) < 0), order
    for customer, date, score, _ in feedback:
        assert customer in ids, customer
        assert 0 <= int(score) <= 10, score
        assert START <= parse_date(loc, date) <= END, date
    buyers = {row[1] for row in lines if int(row[4]) > 0}
    size = sum(os.path.getsize(os.path.join(DATA, folder, f)) for f in os.listdir(os.path.join(DATA, folder)))
    assert size < 400 * 1024, size
    print(f"{folder}: {len(customers)} customers ({len(ids - buyers)} never bought), "
          f"{len(lines)} lines ({returns} returns), {len(feedback)} answers, {size / 1024:.0f} KiB: ok")
    return [row[3] for row in feedback if row[3]]


# --- the lexicon lookup, as src/core/feedback/sentiment/{normalise,lexicon}.rs --

FOLD = {"ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه",
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "’": "'"}
ARABIC_PREFIXES = ["وال", "بال", "فال", "کال", "لل", "ال", "و", "ف", "ب", "ل"]
SUFFIXES = ["هایی", "های", "ها", "ترین", "تر", "یه", "ست", "اش", "ش", "یم", "ید", "ند", "م",
            "ه", "ی", "ات", "ین", "ون", "ان", "ا"]


def normalise(text):
    out = []
    for c in text:
        if c in ("\u0640", "\u0670", "\u200c", "\u200d") or "\u064b" <= c <= "\u065f":
            continue
        out.append(FOLD.get(c, c).lower())
    return "".join(out)


def load_lexicon(code):
    entries = {}
    with open(os.path.join(LEXICONS, f"lexicon_{code}.txt"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                word, score = line.rstrip("\n").split("\t")[:2]
                entries[" ".join(normalise(w) for w in word.split())] = float(score)
    return entries


def lookup(lexicon, word, arabic):
    stems = [word]
    if arabic:
        stems += [word[len(p):] for p in ARABIC_PREFIXES if word.startswith(p) and len(word) - len(p) >= 2]
    for stem in stems:
        if stem in lexicon:
            return lexicon[stem]
        for suffix in SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 2 and stem[: -len(suffix)] in lexicon:
                return lexicon[stem[: -len(suffix)]]
    return None


def words_of(text):
    cleaned = "".join(c if c.isalnum() or c in "'" else " " for c in normalise(text))
    return cleaned.split()


def hits(text, lexicons, arabic):
    words = words_of(text)
    found = []
    for i in range(len(words)):
        for n in (3, 2):
            phrase = " ".join(words[i:i + n])
            if len(words[i:i + n]) == n and any(phrase in lex for lex in lexicons):
                found.append(phrase)
        for lex in lexicons:
            score = lookup(lex, words[i], arabic)
            if score is not None:
                found.append(words[i])
                break
    return found


def check_comments(folder, loc, comments, lexicons, arabic):
    with_hits = [c for c in comments if hits(c, lexicons, arabic)]
    print(f"{folder}: {len(with_hits)}/{len(comments)} comments contain a lexicon word or phrase")
    sentences = sorted({s for tones in loc.comments.values() for group in tones.values() for s in group})
    bare = [s for s in sentences if not hits(s, lexicons, arabic)]
    print(f"  template sentences without a lexicon word ({len(bare)}/{len(sentences)}):")
    for s in bare:
        print(f"    {s}")
    return bare


def main():
    check_jalali()
    lexicons = {"en": [load_lexicon("en")], "ar": [load_lexicon("ar"), load_lexicon("fa")],
                "fa": [load_lexicon("fa"), load_lexicon("ar")]}
    for folder, loc in FLAVOURS.items():
        comments = check_logs(folder, loc)
        code = {"shop": "en", "shop-ar": "ar", "shop-fa": "fa"}[folder]
        check_comments(folder, loc, comments, lexicons[code], code == "ar")


if __name__ == "__main__":
    main()
