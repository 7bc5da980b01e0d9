#!/usr/bin/env python3
"""Nimrokh's demo shop: customers, transactions and feedback in three flavours.

    python3 tests/tools/demo/make_demo.py            # writes demo/shop, demo/shop-ar, demo/shop-fa
    python3 tests/tools/demo/make_demo.py --seed 7   # another draw of the same shop

Everything is synthetic (names, emails, purchases, comments): no real person is
described. The same seed always writes the same bytes (numpy's PCG64 through
`default_rng`, one stream per flavour; no clock, no hash order).

The shop has five latent customer types (not written to any file) that drive
age, income, channel, what and how often people buy, how much they return,
their NPS and what they write, so that k-means, RFM and personas have real
groups to find. See demo/README.md.
"""

import argparse
import csv
import datetime as dt
import os
import sys

import numpy as np

from demo_locales import FLAVOURS

SEED = 20250630
END = dt.date(2025, 6, 30)
START = END - dt.timedelta(days=730)  # purchases cover two years to END
N_CUSTOMERS = 400
N_FEEDBACK = 300


def d(text):
    return dt.date.fromisoformat(text)


# --- the latent customer types ------------------------------------------
#
# share: of the customers. age: mean, sd, low, high. income: median as a
# multiple of the flavour's typical income, and lognormal sigma. signup:
# the window the customer joined in. orders: mean orders a year (each
# customer's own rate is gamma-distributed around it). extra_lines: mean
# extra lines per order (Poisson). qty: the largest usual quantity. price:
# multiple of the category's typical price. returns: chance a line comes
# back. nps: mean and sd of the 0-10 answer. likes: categories bought
# more than the others (weight 4 against 1). channels/devices: weights in
# the flavour's order. respond: relative chance of answering the survey.
TYPES = {
    "deal_seekers": dict(
        share=0.27, age=(24, 4, 18, 33), income=(0.55, 0.30),
        signup=(d("2022-01-01"), d("2025-01-31")), orders=3.2, extra_lines=0.3,
        qty=3, price=0.65, returns=0.07, nps=(7.0, 1.8),
        likes=["fashion", "phone", "shoes", "beauty"],
        channels=[1, 5, 6, 1, 2], devices=[8, 1, 1], respond=1.0,
    ),
    "affluent_loyal": dict(
        share=0.18, age=(49, 8, 35, 72), income=(2.0, 0.30),
        signup=(d("2018-06-01"), d("2023-06-30")), orders=4.5, extra_lines=0.5,
        qty=2, price=2.2, returns=0.03, nps=(9.2, 0.9),
        likes=["home", "beauty", "electronics", "books"],
        channels=[6, 2, 0.5, 4, 1], devices=[3, 6, 2], respond=1.4,
    ),
    "families": dict(
        share=0.22, age=(38, 5, 27, 52), income=(1.15, 0.25),
        signup=(d("2020-01-01"), d("2024-09-30")), orders=4.5, extra_lines=0.8,
        qty=4, price=0.9, returns=0.04, nps=(8.0, 1.3),
        likes=["kids", "grocery", "home", "fashion"],
        channels=[4, 4, 2, 2, 1], devices=[5, 3, 2], respond=1.0,
    ),
    "lapsed": dict(
        share=0.18, age=(40, 11, 22, 68), income=(0.95, 0.35),
        signup=(d("2020-01-01"), d("2023-10-31")), orders=5.0, extra_lines=0.3,
        qty=2, price=1.0, returns=0.12, nps=(3.5, 2.2),
        likes=["electronics", "fashion", "sports", "shoes"],
        channels=[3, 2, 2, 1, 3], devices=[4, 4, 1], respond=1.2,
    ),
    "newcomers": dict(
        share=0.15, age=(31, 8, 19, 60), income=(0.9, 0.35),
        signup=(END - dt.timedelta(days=150), END - dt.timedelta(days=7)),
        orders=6.0, extra_lines=0.3, qty=2, price=0.9, returns=0.05, nps=(7.8, 1.8),
        likes=["fashion", "beauty", "sports", "books"],
        channels=[2, 3, 6, 0.5, 4], devices=[6, 3, 1], respond=0.8,
    ),
}

# Lapsed customers stop buying between these dates (after at least a month).
LAPSE_WINDOW = (START + dt.timedelta(days=120), END - dt.timedelta(days=270))


def pick(rng, items, weights=None):
    """One of `items`, by `weights` (uniform when None)."""
    if weights is None:
        return items[rng.integers(len(items))]
    p = np.asarray(weights, dtype=float)
    return items[rng.choice(len(items), p=p / p.sum())]


def random_date(rng, low, high):
    return low + dt.timedelta(days=int(rng.integers(0, (high - low).days + 1)))


def clipped_normal(rng, mean, sd, low, high):
    return float(np.clip(rng.normal(mean, sd), low, high))


# --- customers -------------------------------------------------------------

def make_customers(rng, loc):
    kinds = list(TYPES)
    counts = [round(TYPES[k]["share"] * N_CUSTOMERS) for k in kinds]
    counts[0] += N_CUSTOMERS - sum(counts)
    types = [k for k, n in zip(kinds, counts) for _ in range(n)]
    rng.shuffle(types)
    used_emails, used_names = set(), set()
    customers = []
    for number, kind in enumerate(types):
        t = TYPES[kind]
        gender = "f" if rng.random() < loc.female_share(kind) else "m"
        place = pick(rng, loc.places, loc.place_weights(kind))
        first, last = unique_name(rng, loc, gender, place, used_names)
        age = round(clipped_normal(rng, t["age"][0], t["age"][1], t["age"][2], t["age"][3]))
        median, sigma = t["income"]
        income = loc.income(rng.lognormal(np.log(median), sigma) * loc.place_income(place))
        signup = random_date(rng, *t["signup"])
        customers.append(dict(
            id=f"C{10001 + number}",
            kind=kind,
            gender=gender,
            first=first,
            last=last,
            age=age,
            place=place,
            income=income,
            signup=signup,
            channel=pick(rng, loc.channels, t["channels"]),
            device=pick(rng, loc.devices, t["devices"]),
            email=unique_email(rng, first, last, used_emails),
        ))
    blemish_customers(rng, customers)
    return customers


def unique_name(rng, loc, gender, place, used):
    """A first and last name no other customer has: namesakes exist, but in
    400 rows they would only read as duplicate customers."""
    while True:
        first = pick(rng, loc.first_names[gender])
        last = pick(rng, loc.last_names_for(place))
        if (first, last) not in used:
            used.add((first, last))
            return first, last


def unique_email(rng, first, last, used):
    """A fake address on a reserved domain (RFC 2606), never repeated."""
    f, l = first[1], last[1]
    while True:
        form = rng.integers(4)
        user = [f"{f}.{l}", f"{f[0]}{l}", f"{f}{l[:3]}", f"{f}.{l}"][form]
        if form >= 2 or rng.random() < 0.5:
            user += str(rng.integers(1, 99))
        email = f"{user}@{pick(rng, ['example.com', 'example.org'], [3, 1])}"
        if email not in used:
            used.add(email)
            return email


def blemish_customers(rng, customers):
    """A real export is not complete: a few people gave no income or gender."""
    for c in customers:
        if rng.random() < 0.025:
            c["income"] = None
        if rng.random() < 0.015:
            c["gender"] = None


# --- transactions --------------------------------------------------------

def active_span(rng, c):
    """Days the customer buys in: from joining (or START) to END, or to lapsing."""
    begin = max(c["signup"], START)
    end = END
    if c["kind"] == "lapsed":
        low = max(LAPSE_WINDOW[0], begin + dt.timedelta(days=30))
        end = random_date(rng, low, max(low, LAPSE_WINDOW[1]))
    return begin, end


def order_dates(rng, rate_per_year, begin, end, season):
    """A Poisson process of orders, thinned by the season's weights."""
    days = (end - begin).days
    if days <= 0:
        return []
    peak = season.peak
    n = rng.poisson(rate_per_year * peak * days / 365.0)
    dates = sorted(begin + dt.timedelta(days=int(x)) for x in rng.integers(0, days + 1, n))
    return [day for day in dates if rng.random() < season.weight(day) / peak]


def make_transactions(rng, loc, customers):
    """Order lines (and returns), numbered in date order as a shop's system would."""
    rows = []
    for c in customers:
        t = TYPES[c["kind"]]
        begin, end = active_span(rng, c)
        rate = rng.gamma(2.5, t["orders"] / 2.5)
        weights = [4.0 if key in t["likes"] else 1.0 for key in loc.category_keys]
        for day in order_dates(rng, rate, begin, end, loc.season):
            order = (c["id"], day, "sale")
            lines = 1 + min(3, rng.poisson(t["extra_lines"]))
            keys = [pick(rng, loc.category_keys, weights) for _ in range(lines)]
            for key in dict.fromkeys(keys):  # one line per category in an order
                quantity = 1 + int(rng.integers(0, t["qty"])) if rng.random() < 0.6 else 1
                unit = loc.price(rng.lognormal(np.log(loc.typical_price[key] * t["price"]), 0.35))
                rows.append((order, c["id"], day, key, quantity, unit))
                if rng.random() < t["returns"]:
                    back = day + dt.timedelta(days=int(rng.integers(3, 30)))
                    if back <= END:
                        returned = 1 + int(rng.integers(0, quantity))
                        rows.append(((c["id"], back, "return", key), c["id"], back, key, -returned, unit))
    # Order numbers rise with the date, with gaps (orders of other shops'
    # channels, cancelled baskets) as a real sequence has.
    rows.sort(key=lambda r: (r[2], r[0][2], r[1], r[3]))
    numbers, next_number = {}, 500001
    numbered = []
    for order, customer, day, key, quantity, unit in rows:
        if order not in numbers:
            numbers[order] = next_number
            next_number += int(rng.integers(1, 4))
        numbered.append((numbers[order], customer, day, key, quantity, unit))
    return numbered


# --- feedback --------------------------------------------------------------

def nps_answer(rng, kind):
    mean, sd = TYPES[kind]["nps"]
    return int(round(clipped_normal(rng, mean, sd, 0, 10)))


def tone_of(rng, score):
    """What a comment says, from the score, with the noise real surveys have."""
    if score >= 9:
        return "pos" if rng.random() < 0.9 else "neu"
    if score >= 7:
        return pick(rng, ["neu", "pos", "neg"], [6, 3, 1])
    if score >= 5:
        return "neg" if rng.random() < 0.7 else "neu"
    return "neg"


def comment(rng, loc, kind, tone):
    first = pick(rng, loc.comments[kind][tone]) if rng.random() < 0.75 else pick(rng, loc.comments["any"][tone])
    if rng.random() < 0.35:
        second = pick(rng, loc.comments["any"][tone])
        if second != first:
            return f"{first} {second}"
    return first


def make_feedback(rng, loc, customers, bought):
    eligible = [c for c in customers if c["id"] in bought]
    weights = np.array([TYPES[c["kind"]]["respond"] for c in eligible])
    chosen = rng.choice(len(eligible), size=N_FEEDBACK, replace=True, p=weights / weights.sum())
    rows = []
    for index in chosen:
        c = eligible[index]
        first_buy, last_buy = bought[c["id"]]
        latest = min(END, last_buy + dt.timedelta(days=60))
        day = random_date(rng, first_buy, latest)
        score = nps_answer(rng, c["kind"])
        text = comment(rng, loc, c["kind"], tone_of(rng, score)) if rng.random() > 0.06 else ""
        rows.append((c["id"], day, score, text))
    rows.sort(key=lambda r: (r[1], r[0]))
    return rows


# --- writing -------------------------------------------------------------

def tier_of(spend, thresholds):
    """Loyalty tier from the two years' net spend (the shop's own rule)."""
    return sum(spend >= t for t in thresholds)


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)


def write_flavour(folder, loc, seed):
    rng = np.random.default_rng([seed, loc.stream])
    customers = make_customers(rng, loc)
    lines = make_transactions(rng, loc, customers)
    spend, bought = {}, {}
    for _, customer, day, _, quantity, unit in lines:
        spend[customer] = spend.get(customer, 0.0) + quantity * unit
        if quantity > 0:
            first, last = bought.get(customer, (day, day))
            bought[customer] = (min(first, day), max(last, day))
    feedback = make_feedback(rng, loc, customers, bought)

    os.makedirs(folder, exist_ok=True)
    h = loc.headers
    write_csv(os.path.join(folder, "customers.csv"), h["customers"], [
        (
            c["id"], loc.full_name(c), loc.gender_label(c["gender"]), c["age"],
            loc.city_label(c["place"]), loc.region_label(c["place"]),
            "" if c["income"] is None else c["income"], loc.date(c["signup"]),
            c["channel"], c["device"], c["email"],
            loc.tiers[tier_of(spend.get(c["id"], 0.0), loc.tier_thresholds)],
        )
        for c in customers
    ])
    write_csv(os.path.join(folder, "transactions.csv"), h["transactions"], [
        loc.transaction_row(order, customer, loc.date(day), loc.categories[key], quantity, unit)
        for order, customer, day, key, quantity, unit in lines
    ])
    write_csv(os.path.join(folder, "feedback.csv"), h["feedback"], [
        (customer, loc.date(day), score, text) for customer, day, score, text in feedback
    ])
    return customers, lines, feedback, spend


def describe(name, folder, customers, lines, feedback, spend):
    """Figures per latent type, for the README and a quick look."""
    sizes = {f: os.path.getsize(os.path.join(folder, f)) for f in sorted(os.listdir(folder))}
    print(f"{name}: {len(customers)} customers, {len(lines)} lines "
          f"({sum(1 for l in lines if l[4] < 0)} returns), {len(feedback)} answers; "
          f"{sum(sizes.values()) / 1024:.0f} KiB {sizes}")
    by_kind = {}
    orders = {}
    for order, customer, _, _, quantity, _ in lines:
        if quantity > 0:
            orders.setdefault(customer, set()).add(order)
    scores = {}
    for customer, _, score, _ in feedback:
        scores.setdefault(customer, []).append(score)
    for c in customers:
        by_kind.setdefault(c["kind"], []).append(c)
    for kind in TYPES:
        group = by_kind[kind]
        ages = np.mean([c["age"] for c in group])
        spent = np.mean([spend.get(c["id"], 0.0) for c in group])
        n_orders = np.mean([len(orders.get(c["id"], ())) for c in group])
        answers = [s for c in group for s in scores.get(c["id"], [])]
        print(f"  {kind:15s} n={len(group):3d} age={ages:4.1f} orders={n_orders:5.1f} "
              f"spend={spent:12,.0f} nps_mean={np.mean(answers) if answers else float('nan'):4.1f} "
              f"answers={len(answers)}")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "src", "web", "demo"))
    parser.add_argument("--truth", metavar="DIR",
                        help="also write each customer's latent type to DIR/<flavour>-types.csv "
                             "(for checking segmentations; not part of the demo)")
    args = parser.parse_args(argv)
    for name, loc in FLAVOURS.items():
        folder = os.path.join(args.out, name)
        made = write_flavour(folder, loc, args.seed)
        describe(name, folder, *made)
        if args.truth:
            os.makedirs(args.truth, exist_ok=True)
            write_csv(os.path.join(args.truth, f"{name}-types.csv"), ["customer_id", "latent_type"],
                      [(c["id"], c["kind"]) for c in made[0]])


if __name__ == "__main__":
    main(sys.argv[1:])
