"""Turn the raw timings of bench/run into the Markdown report (see bench/README.md)."""

import argparse
import datetime
import json
import math
import os
import platform
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pages

TARGET_P95_MS = 100
TARGET_RATIO = 0.40
TARGET_HTML_KB = 60


def percentile(values, p):
    """Nearest-rank percentile of a list of milliseconds."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def summarise(raw):
    seconds = raw["stop"] - raw["start"]
    result = {}
    for name, times in raw["times"].items():
        result[name] = {
            "n": len(times),
            "rps": len(times) / seconds,
            "p50": percentile(times, 50),
            "p95": percentile(times, 95),
            "p99": percentile(times, 99),
            "errors": raw["errors"].get(name, 0),
            "error_samples": raw.get("error_samples", {}).get(name, []),
        }
    all_times = [t for times in raw["times"].values() for t in times]
    result["*all*"] = {
        "n": len(all_times),
        "rps": len(all_times) / seconds,
        "p50": percentile(all_times, 50),
        "p95": percentile(all_times, 95),
        "p99": percentile(all_times, 99),
        "errors": sum(raw["errors"].values()),
        "error_samples": [],
    }
    return result, seconds


def queries_cell(rows):
    warm, miss, cold = (queries_label(rows, key) for key in ("queries", "queries_miss", "queries_cold"))
    if warm == miss == cold:
        return warm
    return f"{warm} (new page {miss}, after a change {cold})"


def queries_label(rows, key="queries"):
    counts = sorted({row.get(key, row["queries"]) for row in rows})
    return str(counts[0]) if len(counts) == 1 else f"{counts[0]}–{counts[-1]}"


def _shape(row):
    """Which filters a request uses (not their values): each filter may cost a query to check."""
    keys = sorted({key for key, _value in parse_qsl(urlsplit(row["url"]).query) if key != "page"})
    return (urlsplit(row["url"]).path.split("/")[1], tuple(keys), row["htmx"])


def constant_queries(rows):
    """Requests of the same shape (same filters, other values, pages and row counts) run the
    same number of queries, cached or not."""
    groups = {}
    for row in rows:
        if row.get("results") == 0:
            continue  # an empty page skips fetching rows: fewer queries, never more
        groups.setdefault(_shape(row), []).append(row)
    return all(
        len({row[key] for row in group}) == 1
        for group in groups.values()
        for key in ("queries", "queries_miss", "queries_cold")
        if all(key in row for row in group)
    )


def ms(value):
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def git_commit():
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        dirty = subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True, check=True).stdout
        return out.stdout.strip() + (" (with uncommitted changes)" if dirty.strip() else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main():
    parser = argparse.ArgumentParser()
    for name in ["measure", "healthz", "catalogue", "mix", "writes", "out", "label", "postgres"]:
        parser.add_argument(f"--{name}", required=True)
    for name in ["users", "workers", "activities", "duration", "phase-seconds"]:
        parser.add_argument(f"--{name}", type=int, required=True)
    args = parser.parse_args()

    measure = json.loads(Path(args.measure).read_text())
    fx, measured = measure["fixture"], measure["pages"]
    healthz, _ = summarise(json.loads(Path(args.healthz).read_text()))
    catalogue, _ = summarise(json.loads(Path(args.catalogue).read_text()))
    mix, mix_s = summarise(json.loads(Path(args.mix).read_text()))
    writes, _ = summarise(json.loads(Path(args.writes).read_text()))

    base = mix.get("healthz")
    lines = [
        f"# Benchmark {datetime.date.today().isoformat()} — {args.label}",
        "",
        f"- code: `{git_commit()}`; command: `bench/run --label {args.label}`",
        f"- machine: {os.cpu_count()} cores ({cpu_model()}), {platform.python_implementation()} "
        f"{platform.python_version()}, {args.postgres}",
        f"- data: {fx['counts']['activities']:,} activities ({fx['counts']['published']:,} published), "
        f"{fx['counts']['organisations']:,} organisations",
        f"- server: gunicorn, {args.workers} sync workers, `portal.settings_production` (DEBUG off, whitenoise)",
        f"- load: locust on the same machine, {args.users} concurrent users without think time",
        "",
        f"## Realistic mix ({args.users} users, {mix_s:.0f} s)",
        "",
        "Latency in ms, as the load generator saw it (includes waiting for a free worker). "
        "`× healthz` is the page's p50 divided by /healthz's p50 in this same run. Queries, HTML size and "
        "`1 client` (ms, in-process, no load) come from fetching each page type once per variant "
        "with Django's test client.",
        "",
        "| page type | share | req/s | p50 | p95 | p99 | × healthz | errors | queries/req | KB | 1 client |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    total = mix["*all*"]["n"]
    for page_type in pages.PAGE_TYPES:
        row = mix.get(page_type)
        rows = measured[page_type]
        kb = sum(r["bytes"] for r in rows) / len(rows) / 1024
        one = sorted(r["ms"] for r in rows)[len(rows) // 2]
        if row is None:
            lines.append(f"| {page_type} | 0% | – | – | – | – | – | – | {queries_cell(rows)} | {kb:.1f} | {ms(one)} |")
            continue
        ratio = row["p50"] / base["p50"] if base and base["p50"] else float("nan")
        lines.append(
            f"| {page_type} | {row['n'] / total:.0%} | {row['rps']:.1f} | {ms(row['p50'])} | {ms(row['p95'])} | "
            f"{ms(row['p99'])} | {ratio:.1f} | {row['errors']} | {queries_cell(rows)} | {kb:.1f} | {ms(one)} |"
        )
    a = mix["*all*"]
    lines.append(
        f"| **all** | 100% | {a['rps']:.1f} | {ms(a['p50'])} | {ms(a['p95'])} | {ms(a['p99'])} | "
        f"| {a['errors']} | | | |"
    )

    lines += [
        "",
        f"## With writes ({args.users} users, {args.duration} s each)",
        "",
        "The realistic mix above, and again with organisations confirming, unpublishing and publishing "
        "their activities in about 2% of the requests: every write moves the catalogue's version on, so "
        "the pages after it are rendered afresh and each worker updates its filter index.",
        "",
        "| run | req/s | writes/s | catalogue req/s | p95 all | p95 search | p95 catalogue | ÷ healthz | errors |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for name, stats in [("without writes", mix), ("with writes", writes)]:
        every = stats["*all*"]
        catalogue_rps = sum(stats.get(t, {}).get("rps", 0) for t in pages.CATALOGUE_TYPES)
        catalogue_p95 = max(stats.get(t, {}).get("p95", float("nan")) for t in pages.CATALOGUE_TYPES)
        lines.append(
            f"| {name} | {every['rps']:.1f} | {stats.get('write', {}).get('rps', 0):.1f} | {catalogue_rps:.1f} | "
            f"{ms(every['p95'])} | {ms(stats.get('search', {}).get('p95', float('nan')))} | {ms(catalogue_p95)} | "
            f"{every['rps'] / healthz['healthz']['rps']:.2f} | {every['errors']} |"
        )

    def median_and_worst(key):
        values = sorted(r[key] for t in pages.CATALOGUE_TYPES for r in measured[t] if key in r)
        return f"median {ms(values[len(values) // 2])} ms, worst {ms(values[-1])} ms" if values else None

    lines += [
        "",
        "First catalogue page after a change (one activity taken off the site; in-process, one client): "
        f"{median_and_worst('ms_cold')}.",
    ]
    if after_save := median_and_worst("ms_saved"):
        lines.append(
            "After a save that changed nothing the indexes read (the page is made again, the indexes and "
            f"the search's matches are kept): {after_save}."
        )

    h, c = healthz["healthz"], catalogue["*all*"]
    ratio = c["rps"] / h["rps"]
    lines += [
        "",
        f"## Throughput ceiling ({args.users} users, {args.phase_seconds} s per phase, one page family at a time)",
        "",
        "| phase | req/s | p50 | p95 | p99 | errors | req/s ÷ healthz |",
        "|---|--:|--:|--:|--:|--:|--:|",
        f"| /healthz alone (trivial view: one `SELECT 1`) | {h['rps']:.1f} | {ms(h['p50'])} | {ms(h['p95'])} | "
        f"{ms(h['p99'])} | {h['errors']} | 1.00 |",
        f"| catalogue pages alone (all four kinds below) | {c['rps']:.1f} | {ms(c['p50'])} | {ms(c['p95'])} | "
        f"{ms(c['p99'])} | {c['errors']} | {ratio:.3f} |",
    ]
    for page_type in pages.CATALOGUE_TYPES:
        row = catalogue.get(page_type)
        if row:
            lines.append(
                f"| – {page_type} | {row['rps']:.1f} | {ms(row['p50'])} | {ms(row['p95'])} | {ms(row['p99'])} | "
                f"{row['errors']} | |"
            )

    # Targets.
    search_mix = mix.get("search", {}).get("p95", float("inf"))
    search_alone = catalogue.get("search", {}).get("p95", float("inf"))
    worst_catalogue = max(mix.get(t, {}).get("p95", float("inf")) for t in pages.CATALOGUE_TYPES)
    errors = sum(s["*all*"]["errors"] for s in (healthz, catalogue, mix, writes))
    unfiltered = next(r for r in measured["catalogue"] if r["url"] == "/activiteiten/")
    non_constant = [t for t in pages.PAGE_TYPES if not constant_queries(measured[t])]

    def verdict(ok):
        return "**met**" if ok else "**missed**"

    lines += [
        "",
        "## Targets",
        "",
        "| target | measured | |",
        "|---|---|---|",
        f"| catalogue search p95 < {TARGET_P95_MS} ms (mix) | {ms(search_mix)} ms | "
        f"{verdict(search_mix < TARGET_P95_MS)} |",
        f"| catalogue search p95 < {TARGET_P95_MS} ms (catalogue pages alone) | {ms(search_alone)} ms | "
        f"{verdict(search_alone < TARGET_P95_MS)} |",
        f"| every catalogue page type p95 < {TARGET_P95_MS} ms (mix) | worst {ms(worst_catalogue)} ms | "
        f"{verdict(worst_catalogue < TARGET_P95_MS)} |",
        f"| catalogue throughput ≥ {TARGET_RATIO:.0%} of /healthz | {ratio:.1%} | {verdict(ratio >= TARGET_RATIO)} |",
        f"| zero errors | {errors} | {verdict(errors == 0)} |",
        "| constant queries per page | "
        + (
            "same count for every request of the same shape"
            if not non_constant
            else "varies: " + ", ".join(non_constant)
        )
        + f" | {verdict(not non_constant)} |",
        f"| catalogue page HTML < {TARGET_HTML_KB} KB | {unfiltered['bytes'] / 1024:.1f} KB | "
        f"{verdict(unfiltered['bytes'] < TARGET_HTML_KB * 1024)} |",
    ]

    samples = [
        (name, s) for stats in (healthz, catalogue, mix) for name, row in stats.items() for s in row["error_samples"]
    ]
    if samples:
        lines += ["", "## Errors (samples)", ""] + [f"- {name}: {sample}" for name, sample in samples[:20]]

    lines += [
        "",
        "## Queries per page type, per variant",
        "",
        "| page type | variant | status | queries | new page | after a change | KB | 1 client ms | new page ms "
        "| after a change ms |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for page_type in pages.PAGE_TYPES:
        for row in measured[page_type]:
            url = row["url"] + (" (HX-Request)" if row["htmx"] else "")
            lines.append(
                f"| {page_type} | `{url}` | {row['status']} | {row['queries']} | {row['queries_miss']} | "
                f"{row['queries_cold']} | {row['bytes'] / 1024:.1f} | {ms(row['ms'])} | {ms(row['ms_miss'])} | "
                f"{ms(row['ms_cold'])} |"
            )
    Path(args.out).write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
