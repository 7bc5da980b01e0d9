#!/usr/bin/env python3
"""Do the latent customer types show up as clusters? (Needs scikit-learn.)

    python3 tests/tools/demo/make_demo.py --truth /tmp/demo-truth
    /tmp/skl/bin/python tests/tools/demo/check_segments.py /tmp/demo-truth

For each flavour: per buying customer, age, income, recency (days since the
last purchase), log orders and log net spend, standardised; k-means
(scikit-learn 1.5.2, n_init=20, random_state=1) for k = 4, 5, 6; the adjusted
Rand index against the latent types, and the types-by-cluster table for k=5.
"""

import os
import sys

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
DATA = os.path.join(HERE, "..", "..", "..", "src", "web", "demo")

from check_demo import parse_date  # noqa: E402
from demo_locales import FLAVOURS  # noqa: E402
from make_demo import END  # noqa: E402


def features(folder, loc):
    h = loc.headers
    customers = pd.read_csv(os.path.join(DATA, folder, "customers.csv"), dtype=str).set_index(h["customers"][0])
    lines = pd.read_csv(os.path.join(DATA, folder, "transactions.csv"), dtype=str)
    customer, date, quantity = h["transactions"][1], h["transactions"][2], h["transactions"][4]
    total = next(n for n in h["transactions"] if n == "total" or "الإجمالي" in n or "کل" in n)
    lines["day"] = [parse_date(loc, x) for x in lines[date]]
    lines["value"] = lines[total].astype(float)
    bought = lines[lines[quantity].astype(int) > 0].groupby(customer)
    table = pd.DataFrame({
        "age": customers[h["customers"][3]].astype(float),
        "income": pd.to_numeric(customers[h["customers"][6]]),
    }).join(pd.DataFrame({
        "recency": bought.day.max().map(lambda d: (END - d).days),
        "frequency": np.log1p(bought.order_id.nunique()),
        "monetary": np.log1p(lines.groupby(customer).value.sum().clip(lower=0)),
    }), how="inner")
    return table.dropna()


def main(truth_dir):
    for folder, loc in FLAVOURS.items():
        truth = pd.read_csv(os.path.join(truth_dir, f"{folder}-types.csv")).set_index("customer_id")["latent_type"]
        table = features(folder, loc)
        z = StandardScaler().fit_transform(table)
        types = truth[table.index].values
        for k in (4, 5, 6):
            labels = KMeans(k, n_init=20, random_state=1).fit_predict(z)
            print(f"{folder}: k={k} ARI={adjusted_rand_score(types, labels):.2f} ({len(table)} customers)")
        print(pd.crosstab(types, KMeans(5, n_init=20, random_state=1).fit_predict(z)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/demo-truth")
