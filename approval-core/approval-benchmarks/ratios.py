#!/usr/bin/env python3
"""Library/raw ratios from a JMH JSON result (-rf json).

Benchmarks come in pairs, <name>_library and <name>_raw, in the same class, mode and thread count.
For each pair it prints:
  sample mode: p50 and p99 of library and raw, the p50 ratio and its range over the measurement
               iterations (iteration i of the library against iteration i of raw: the interleaved rounds);
  thrpt mode:  ops/ms of library and raw, the ratio and its range over iterations;
  both:        gc.alloc.rate.norm (bytes per op) when the run had -prof gc, and its ratio.
The range is min..max of the per-iteration ratios; "err" is the ratio's relative error propagated from
JMH's 99.9% confidence intervals.
Usage: python3 ratios.py target/jmh-result.json [--markdown]
"""
import json
import statistics
import sys


def percentile_of_histogram(hist, q):
    """hist: [[value, count], ...] of one iteration; q in 0..1."""
    pairs = sorted((float(v), int(c)) for v, c in hist)
    total = sum(c for _, c in pairs)
    if total == 0:
        return float("nan")
    rank = q * total
    seen = 0
    for v, c in pairs:
        seen += c
        if seen >= rank:
            return v
    return pairs[-1][0]


def iterations(entry):
    pm = entry["primaryMetric"]
    if entry["mode"] == "sample" and "rawDataHistogram" in pm:
        return [percentile_of_histogram(it, 0.5) for fork in pm["rawDataHistogram"] for it in fork]
    return [float(v) for fork in pm.get("rawData", []) for v in fork]


def alloc(entry):
    sm = entry.get("secondaryMetrics", {})
    for key in ("gc.alloc.rate.norm", "\u00b7gc.alloc.rate.norm"):
        if key in sm:
            return sm[key]["score"], sm[key].get("scoreError", float("nan"))
    return None


def rel_err(score, err):
    try:
        return abs(float(err) / float(score)) if score else float("nan")
    except (TypeError, ValueError):
        return float("nan")


def fmt(x, digits=3):
    if x is None or x != x:
        return "-"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    return f"{x:.{digits}g}" if abs(x) < 1 else f"{x:.{digits}f}".rstrip("0").rstrip(".")


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    markdown = "--markdown" in argv
    with open(argv[1]) as f:
        results = json.load(f)
    by_key = {}
    for e in results:
        cls, _, method = e["benchmark"].rpartition(".")
        cls = cls.rpartition(".")[2]
        for side in ("_library", "_raw"):
            if method.endswith(side):
                key = (cls, method[: -len(side)], e["mode"], e["threads"])
                by_key.setdefault(key, {})[side[1:]] = e
    rows = []
    for key in sorted(by_key):
        pair = by_key[key]
        if "library" not in pair or "raw" not in pair:
            continue
        lib, raw = pair["library"], pair["raw"]
        cls, name, mode, threads = key
        unit = lib["primaryMetric"]["scoreUnit"]
        li, ri = iterations(lib), iterations(raw)
        per_iter = [a / b for a, b in zip(li, ri) if b]
        rng = f"{min(per_iter):.2f}-{max(per_iter):.2f}" if per_iter else "-"
        if mode == "sample":
            lp = lib["primaryMetric"]["scorePercentiles"]
            rp = raw["primaryMetric"]["scorePercentiles"]
            lv, rv = lp["50.0"], rp["50.0"]
            ratio = lv / rv
            what = "p50 " + unit
            extra = f"p99 {fmt(lp['99.0'])} / {fmt(rp['99.0'])} = {lp['99.0'] / rp['99.0']:.2f}"
            err = float("nan")
        else:
            lv, rv = lib["primaryMetric"]["score"], raw["primaryMetric"]["score"]
            ratio = lv / rv
            what = unit
            err = ratio * (rel_err(lv, lib["primaryMetric"]["scoreError"]) + rel_err(rv, raw["primaryMetric"]["scoreError"]))
            extra = f"err ±{err:.2f}" if err == err else ""
        la, ra = alloc(lib), alloc(raw)
        alloc_txt = f"{la[0] / 1024:.1f} / {ra[0] / 1024:.1f} KB = {la[0] / ra[0]:.2f}" if la and ra and ra[0] else "-"
        rows.append((f"{cls}.{name}", mode, str(threads), what, fmt(lv), fmt(rv), f"{ratio:.2f}", rng, extra, alloc_txt))
    header = ("benchmark", "mode", "thr", "metric", "library", "raw", "lib/raw", "range", "", "alloc/op lib / raw")
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for r in rows:
            print("| " + " | ".join(r) + " |")
    else:
        widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
        for r in [header] + rows:
            print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
