#!/usr/bin/env python3
"""Generate cross-check cases for medmon's statistics with SciPy's answers.

Writes a JSON file of at least 200 cases: inputs, and the statistic and
p-value that SciPy (and NumPy, for the formulas SciPy lacks) computes for
them, or the reason medmon must report the statistic as undefined. The
Swift test StatisticsCrossCheckTests reads the file named by
MEDMON_STATS_CASES and compares each value to 1e-9 relative (1e-300
absolute for p-values that underflow).

Large samples are not stored: a sample is described by a SplitMix64 seed
and a transform of exactly computed uniforms, which the Swift side
reproduces bit for bit (see sample()).

Usage: check_stats.py OUTPUT.json
"""

import json
import math
import sys

import numpy as np
import scipy
from scipy import stats
from scipy.spatial import distance

MASK = (1 << 64) - 1


def splitmix64(seed):
    state = seed & MASK
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def sample(spec):
    """Values shift + scale * u, u uniform in [0, 1) with 53 random bits,
    or u = floor(u * levels) when levels > 0 (for ties)."""
    generator = splitmix64(spec["seed"])
    values = []
    for _ in range(spec["count"]):
        u = (next(generator) >> 11) * 2.0**-53
        if spec.get("levels", 0) > 0:
            u = float(math.floor(u * spec["levels"]))
        values.append(spec["shift"] + spec["scale"] * u)
    return np.array(values, dtype=np.float64)


def spec(seed, count, scale=1.0, shift=0.0, levels=0):
    return {"seed": seed, "count": count, "scale": scale, "shift": shift, "levels": levels}


def computed(statistic, pvalue=None):
    result = {"statistic": float(statistic)}
    if pvalue is not None:
        result["pvalue"] = float(pvalue)
    return result


def chisquare_cases(rng):
    tables = [
        [[10, 20, 30], [15, 25, 35]],
        [[1, 0], [0, 1]],
        [[5, 5], [5, 5]],
        [[0, 0, 0], [0, 0, 0]],
        [[7, 0, 3]],
        [[4, 0], [9, 0]],
        [[3, 0, 2], [0, 0, 0], [1, 0, 6]],
        [[10**12, 10**12 + 5], [10**12 + 7, 10**12]],
        [[10**9, 1], [1, 10**9]],
        [[1, 2], [3, 4]],
        [[1000000, 999000, 1001000], [1000500, 1000000, 999500]],
        [[2, 1, 0, 0, 5], [0, 3, 1, 0, 4], [1, 1, 1, 0, 0]],
        [[3] * 40, [4] * 39 + [10]],
    ]
    for _ in range(57):
        rows = int(rng.integers(2, 6))
        columns = int(rng.integers(2, 13))
        scale = float(10 ** rng.uniform(0, 6))
        table = rng.poisson(scale * rng.dirichlet(np.ones(columns)), size=(rows, columns))
        if rng.random() < 0.3:
            table[:, int(rng.integers(columns))] = 0
        tables.append(table.tolist())
    cases = []
    for index, table in enumerate(tables):
        array = np.array(table, dtype=np.float64)
        array = array[array.sum(axis=1) > 0]
        if array.size:
            array = array[:, array.sum(axis=0) > 0]
        case = {"id": f"chisquare-{index:03d}", "kind": "chisquare", "table": table}
        if array.size == 0:
            case["expected"] = {"undefined": "empty"}
        elif array.shape[0] < 2 or array.shape[1] < 2:
            case["expected"] = {"undefined": "singleCategory"}
        else:
            result = stats.chi2_contingency(array, correction=False)
            case["expected"] = computed(result.statistic, result.pvalue)
        cases.append(case)
    return cases


def round_half_even(value):
    return float(np.round(value))


def one_sided_region(d, n1, n2):
    """Whether medmon's asymptotic KS p-value follows SciPy's kstwo.sf
    exactly: the closed forms and the regions where SciPy itself uses
    twice the one-sided tail. Elsewhere medmon uses the limiting
    Kolmogorov distribution."""
    n = round_half_even(n1 * n2 / (n1 + n2))
    t = n * d
    if d >= 1 or d <= 0 or t <= 1 or t >= n - 1 or d >= 0.5:
        return True
    return n * d * d >= 2.2 if n > 140 else n * d * d > 4


def ks_cases(rng):
    pairs = [
        (spec(1, 1), spec(2, 1)),
        (spec(1, 1), spec(2, 5)),
        (spec(3, 8), spec(3, 8)),
        (spec(4, 8, levels=3), spec(5, 9, levels=3)),
        (spec(6, 20), spec(7, 20, shift=0.5)),
        (spec(8, 100), spec(9, 100, shift=0.05)),
        (spec(10, 30, levels=2), spec(11, 45, levels=2)),
        (spec(12, 500), spec(13, 750, scale=1.1)),
        (spec(14, 1000), spec(15, 999)),
        (spec(16, 2000, levels=50), spec(17, 1500, levels=50, shift=1)),
        (spec(18, 10000), spec(19, 10000, shift=0.01)),
        (spec(20, 3000), spec(21, 7, shift=0.3)),
        (spec(22, 50), spec(23, 60, shift=5)),
        (spec(24, 12000), spec(25, 15000, shift=0.02)),
        (spec(26, 20000), spec(27, 11000)),
        (spec(28, 40000, levels=100), spec(29, 30000, levels=100, shift=1)),
        (spec(30, 10001), spec(31, 300, shift=0.1)),
        (spec(32, 10001), spec(33, 100, shift=0.3)),
        (spec(34, 10001), spec(35, 120, shift=0.05)),
        (spec(36, 12000), spec(36, 12001)),
        (spec(38, 50000), spec(39, 50000, shift=0.02)),
        (spec(40, 20000), spec(41, 30000, shift=0.6)),
        (spec(42, 10001), spec(43, 3, shift=0.9)),
        (spec(44, 60000, levels=1000), spec(45, 40000, levels=1000, shift=3)),
    ]
    for index in range(43):
        n1 = int(rng.integers(1, 400))
        n2 = int(rng.integers(1, 400))
        if index % 5 == 0:
            n2 = n1
        levels = int(rng.choice([0, 0, 0, 4, 20]))
        shift = float(rng.choice([0, 0, 0.05, 0.2, 0.6]))
        pairs.append((spec(100 + 2 * index, n1, levels=levels),
                      spec(101 + 2 * index, n2, levels=levels, shift=shift)))
    cases = []
    for index, (first, second) in enumerate(pairs):
        a = sample(first)
        b = sample(second)
        case = {"id": f"ks-{index:03d}", "kind": "ks", "first": first, "second": second}
        result = stats.ks_2samp(a, b, method="auto")
        if max(len(a), len(b)) <= 10000:
            case["expected"] = computed(result.statistic, result.pvalue)
            case["reference"] = "scipy.stats.ks_2samp(method='auto'), exact"
        elif one_sided_region(result.statistic, len(a), len(b)):
            case["expected"] = computed(result.statistic, result.pvalue)
            case["reference"] = "scipy.stats.ks_2samp(method='auto'), asymptotic"
        else:
            n = round_half_even(len(a) * len(b) / (len(a) + len(b)))
            z = math.sqrt(n) * result.statistic
            case["expected"] = computed(result.statistic, stats.kstwobign.sf(z))
            case["reference"] = "ks_2samp statistic; kstwobign.sf(sqrt(n) D)"
        cases.append(case)
    return cases


def psi_reference(expected, actual):
    e = np.asarray(expected, dtype=np.float64)
    a = np.asarray(actual, dtype=np.float64)
    e = np.maximum(e / e.sum(), 1e-4)
    a = np.maximum(a / a.sum(), 1e-4)
    return float(np.sum((a - e) * np.log(a / e)))


def vector_pairs(rng):
    pairs = [
        ([1, 1], [1, 1]),
        ([1, 0], [0, 1]),
        ([5], [7]),
        ([0, 0, 0], [1, 2, 3]),
        ([10, 0, 5], [10, 3, 5]),
        ([10**12, 1, 1], [10**12, 2, 1]),
        ([1, 2, 3, 4], [4, 3, 2, 1]),
        ([0.5, 0.25, 0.25], [1, 1, 2]),
    ]
    for _ in range(32):
        size = int(rng.integers(2, 25))
        p = rng.poisson(float(10 ** rng.uniform(0, 5)) * rng.dirichlet(np.ones(size)))
        q = rng.poisson(float(10 ** rng.uniform(0, 5)) * rng.dirichlet(np.ones(size)))
        if p.sum() == 0:
            p[0] = 1
        if q.sum() == 0:
            q[-1] = 1
        pairs.append((p.tolist(), q.tolist()))
    return pairs


def divergence_cases(rng):
    cases = []
    for index, (p, q) in enumerate(vector_pairs(rng)):
        empty = sum(p) == 0 or sum(q) == 0
        js = {"id": f"js-{index:03d}", "kind": "js", "p": p, "q": q}
        psi = {"id": f"psi-{index:03d}", "kind": "psi", "p": p, "q": q}
        if empty:
            js["expected"] = psi["expected"] = {"undefined": "empty"}
        else:
            js["expected"] = computed(distance.jensenshannon(p, q, base=2))
            psi["expected"] = computed(psi_reference(p, q))
            psi["reference"] = "NumPy formula (SciPy has no PSI)"
        cases += [js, psi]
    return cases


def wasserstein_cases(rng):
    cases = []
    specs = [
        (spec(1, 1), spec(2, 1), None, None),
        (spec(3, 5, levels=2), spec(3, 5, levels=2), None, None),
        (spec(4, 100), spec(5, 80, shift=3), None, None),
        (spec(6, 50, scale=1e6), spec(7, 60, scale=1e6, shift=-2e5), None, None),
        (spec(8, 30), spec(9, 40), spec(10, 30, shift=1, levels=5),
         spec(11, 40, shift=1, levels=5)),
        (spec(12, 200), spec(13, 10), spec(14, 200, scale=0.37, shift=0.01),
         spec(15, 10, scale=2.5, shift=0.5)),
    ]
    for index in range(24):
        weighted = index % 2 == 1
        n1 = int(rng.integers(1, 3000))
        n2 = int(rng.integers(1, 3000))
        levels = int(rng.choice([0, 0, 10]))
        first = spec(200 + 4 * index, n1, scale=float(rng.uniform(0.5, 100)), levels=levels)
        second = spec(201 + 4 * index, n2, scale=float(rng.uniform(0.5, 100)),
                      shift=float(rng.uniform(-10, 10)), levels=levels)
        w1 = spec(202 + 4 * index, n1, scale=3.0, shift=0.25) if weighted else None
        w2 = spec(203 + 4 * index, n2, shift=1, levels=4) if weighted else None
        specs.append((first, second, w1, w2))
    for index, (first, second, w1, w2) in enumerate(specs):
        case = {"id": f"wasserstein-{index:03d}", "kind": "wasserstein",
                "first": first, "second": second}
        if w1 is not None:
            case["firstWeights"] = w1
            case["secondWeights"] = w2
        value = stats.wasserstein_distance(
            sample(first), sample(second),
            None if w1 is None else sample(w1), None if w2 is None else sample(w2))
        case["expected"] = computed(value)
        cases.append(case)
    return cases


def proportion_cases(rng):
    inputs = [(0, 10, 0, 10), (10, 10, 10, 10), (0, 0, 1, 5), (1, 1, 0, 1), (5, 10, 5, 10),
              (1, 2, 0, 3), (10**9, 2 * 10**9, 10**9 + 10**5, 2 * 10**9), (3, 1000, 40, 1000)]
    for _ in range(32):
        n1 = int(10 ** rng.uniform(0, 7))
        n2 = int(10 ** rng.uniform(0, 7))
        p = rng.uniform(0, 1)
        x1 = int(rng.binomial(n1, p))
        x2 = int(rng.binomial(n2, min(1.0, p * rng.uniform(0.8, 1.25))))
        inputs.append((x1, n1, x2, n2))
    cases = []
    for index, (x1, n1, x2, n2) in enumerate(inputs):
        case = {"id": f"proportion-{index:03d}", "kind": "proportion",
                "x1": x1, "n1": n1, "x2": x2, "n2": n2}
        if n1 == 0 or n2 == 0:
            case["expected"] = {"undefined": "empty"}
        else:
            pooled = (x1 + x2) / (n1 + n2)
            if pooled <= 0 or pooled >= 1:
                case["expected"] = {"undefined": "zeroVariance"}
            else:
                se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
                z = (x1 / n1 - x2 / n2) / se
                case["expected"] = computed(z, min(1.0, 2 * stats.norm.sf(abs(z))))
                case["reference"] = "z by formula; p from scipy.stats.norm.sf"
        cases.append(case)
    return cases


def poisson_cases(rng):
    inputs = [(0, 1.0, 1.0), (0, 1e-3, 1.0), (1, 1e-3, 1.0), (5, 5.0, 1.0), (50, 2.0, 3.0),
              (10**6, 1.0, 10**6), (1000, 1.0, 1500.0), (3, 0.0, 1.0), (0, 700.0, 1.0),
              (2000, 1.0, 1.0)]
    for _ in range(30):
        mean = float(10 ** rng.uniform(-2, 5))
        count = int(rng.poisson(mean * rng.uniform(0.5, 2)))
        inputs.append((count, mean / 7, 7.0))
    cases = []
    for index, (count, rate, exposure) in enumerate(inputs):
        alternative = ["two-sided", "greater", "less"][index % 3]
        case = {"id": f"poisson-{index:03d}", "kind": "poisson", "count": count,
                "rate": rate, "exposure": exposure, "alternative": alternative}
        mean = rate * exposure
        if not mean > 0:
            case["expected"] = {"undefined": "invalidInput"}
        else:
            greater = stats.poisson.sf(count - 1, mean)
            less = stats.poisson.cdf(count, mean)
            p = {"greater": greater, "less": less,
                 "two-sided": min(1.0, 2 * min(greater, less))}[alternative]
            case["expected"] = computed(count / mean, p)
            case["reference"] = "scipy.stats.poisson sf/cdf"
        cases.append(case)
    return cases


def robust_cases(rng):
    baselines = [
        ([1.0], 2.0), ([3.0, 3.0, 3.0, 9.0], 4.0), ([1.0, 2.0], 5.0), ([], 1.0),
        ([1.0, 2.0, 3.0, 4.0, 100.0], 7.0), ([0.0, 0.0, 1.0], -3.0),
    ]
    for _ in range(19):
        size = int(rng.integers(2, 60))
        values = np.round(rng.lognormal(3, 1, size=size), int(rng.integers(0, 4)))
        baselines.append((values.tolist(), float(np.round(rng.lognormal(3, 1.5), 2))))
    cases = []
    for index, (baseline, value) in enumerate(baselines):
        case = {"id": f"robustz-{index:03d}", "kind": "robustz",
                "value": value, "baseline": baseline}
        if not baseline:
            case["expected"] = {"undefined": "empty"}
        else:
            mad = stats.median_abs_deviation(baseline, scale="normal")
            if mad == 0:
                case["expected"] = {"undefined": "zeroVariance"}
            else:
                case["expected"] = computed((value - np.median(baseline)) / mad)
                case["reference"] = "numpy.median; scipy.stats.median_abs_deviation"
        cases.append(case)
    return cases


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check_stats.py OUTPUT.json")
    rng = np.random.default_rng(20261204)
    cases = (chisquare_cases(rng) + ks_cases(rng) + divergence_cases(rng)
             + wasserstein_cases(rng) + proportion_cases(rng) + poisson_cases(rng)
             + robust_cases(rng))
    document = {"scipy": scipy.__version__, "numpy": np.__version__, "cases": cases}
    # One case per line keeps the committed copy readable in diffs.
    with open(sys.argv[1], "w") as output:
        output.write(f'{{"scipy": "{scipy.__version__}", "numpy": "{np.__version__}", "cases": [\n')
        output.write(",\n".join(json.dumps(case) for case in cases))
        output.write("\n]}\n")
    print(f"check-stats: wrote {len(cases)} cases from SciPy {scipy.__version__} "
          f"to {sys.argv[1]}", file=sys.stderr)


if __name__ == "__main__":
    main()
