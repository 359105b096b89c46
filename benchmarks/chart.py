#!/usr/bin/env python3
"""Draws docs/benchmarks/chart.svg from BenchmarkDotNet's CSV reports, and prints their figures as one Markdown table.

Each benchmark class is one case with a raw-Thread baseline measured in the same run; the chart shows every method of
a case as a bar whose length is its time as a multiple of that baseline, with the 1.0 line and ThreadKit's 1.02
start-and-join budget marked. Standard library only, so it runs wherever python3 does.

    python3 benchmarks/chart.py docs/benchmarks/results docs/benchmarks/chart.svg > table.md
"""
import csv
import html
import pathlib
import re
import sys

UNITS = {"ns": 1e-9, "us": 1e-6, "μs": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1.0}
BUDGET = 1.02
WIDTH = 980
LABEL_WIDTH = 430
BAR_AREA = 380
ROW_HEIGHT = 24
CASE_GAP = 34
BASELINE_COLOUR = "#7f7f7f"
THREADKIT_COLOUR = "#2f6fb0"
OTHER_COLOUR = "#c7c7c7"


def seconds(cell):
    """'14.710 ms' -> 0.014710. BenchmarkDotNet writes a number, a space and a unit, with thousands separators."""
    match = re.fullmatch(r"\s*([\d.,]+)\s*(\S+)\s*", cell)
    if not match or match.group(2) not in UNITS:
        raise ValueError(f"cannot read a time from {cell!r}")
    return float(match.group(1).replace(",", "")) * UNITS[match.group(2)]


def read_case(path):
    """One CSV report: the class name and its rows, baseline first, each with its time ratio to the baseline."""
    with path.open(newline="", encoding="utf-8-sig") as report:
        rows = list(csv.DictReader(report))
    if not rows:
        raise ValueError(f"{path} has no rows")
    jobs = {row["Job"] for row in rows}
    baseline = next((row for row in rows if row.get("Ratio", "").strip() == "1.00"), rows[0])
    base_time = seconds(baseline["Mean"])
    case = []
    for row in [baseline] + [row for row in rows if row is not baseline]:
        label = row["Method"].strip("'")
        if len(jobs) > 1:
            label += f" [{row['Job']}]"
        case.append({
            "label": label,
            "mean": row["Mean"].strip(),
            "allocated": row.get("Allocated", "-").strip() or "-",
            "ratio": ratio(row, base_time),
            "colour": BASELINE_COLOUR if row is baseline else THREADKIT_COLOUR if "NamedWorker" in label else OTHER_COLOUR,
        })
    name = path.name.split("-report")[0].split(".")[-1].removesuffix("Benchmarks")
    return name, case


def ratio(row, base_time):
    """BenchmarkDotNet's own Ratio (the mean of per-iteration ratios) where it wrote one, else the ratio of means."""
    try:
        return float(row.get("Ratio", ""))
    except ValueError:
        return seconds(row["Mean"]) / base_time


def draw(cases):
    height = 70 + sum(len(rows) * ROW_HEIGHT + CASE_GAP for _, rows in cases)
    top_ratio = max(1.2, max(row["ratio"] for _, rows in cases for row in rows) * 1.05)
    scale = BAR_AREA / top_ratio

    def x_of(ratio):
        return LABEL_WIDTH + ratio * scale

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        'font-family="Segoe UI, Helvetica, Arial, sans-serif" font-size="12">',
        f'<rect width="{WIDTH}" height="{height}" fill="white"/>',
        '<text x="12" y="24" font-size="16" font-weight="bold">ThreadKit against a raw Thread in the same run: time as a '
        'multiple of the baseline, shorter is faster</text>',
        f'<rect x="12" y="36" width="12" height="12" fill="{BASELINE_COLOUR}"/><text x="30" y="46">baseline</text>',
        f'<rect x="110" y="36" width="12" height="12" fill="{THREADKIT_COLOUR}"/><text x="128" y="46">ThreadKit</text>',
        f'<rect x="210" y="36" width="12" height="12" fill="{OTHER_COLOUR}"/>'
        '<text x="228" y="46">another way with a raw Thread</text>',
    ]
    y = 70
    for name, rows in cases:
        out.append(f'<text x="12" y="{y}" font-weight="bold">{html.escape(name)}</text>')
        y += 8
        first = y
        for row in rows:
            colour = row["colour"]
            width = max(1.0, row["ratio"] * scale)
            out.append(f'<text x="20" y="{y + 16}">{html.escape(row["label"])}</text>')
            out.append(f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{width:.1f}" height="{ROW_HEIGHT - 8}" fill="{colour}"/>')
            detail = f'{row["ratio"]:.2f}x  {row["mean"]}  {row["allocated"]}'
            # Right of the bar and of the reference lines, so a short bar's figures never sit on a line.
            text_x = max(LABEL_WIDTH + width, x_of(BUDGET)) + 6
            out.append(f'<text x="{text_x:.1f}" y="{y + 16}">{html.escape(detail)}</text>')
            y += ROW_HEIGHT
        for ratio, dash in ((1.0, "none"), (BUDGET, "4 3")):
            out.append(f'<line x1="{x_of(ratio):.1f}" y1="{first}" x2="{x_of(ratio):.1f}" y2="{y}" stroke="#c0392b" '
                       f'stroke-width="1" stroke-dasharray="{dash}"/>')
        y += CASE_GAP - 8
    out.append(f'<text x="{x_of(BUDGET) + 3:.1f}" y="{height - 8}" fill="#c0392b">dashed: the {BUDGET}x budget</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def markdown(cases):
    lines = ["| Case | Method | Mean | Ratio | Allocated |", "| --- | --- | ---: | ---: | ---: |"]
    for name, rows in cases:
        for row in rows:
            lines.append(f'| {name} | `{row["label"]}` | {row["mean"]} | {row["ratio"]:.2f} | {row["allocated"]} |')
    return "\n".join(lines) + "\n"


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: chart.py RESULTS_DIR OUT.svg  (RESULTS_DIR holds BenchmarkDotNet's *-report.csv files)")
    reports = sorted(pathlib.Path(argv[1]).glob("*-report.csv"))
    if not reports:
        sys.exit(f"no *-report.csv files in {argv[1]}; run the benchmarks first (see docs/benchmarks.md)")
    cases = [read_case(path) for path in reports]
    pathlib.Path(argv[2]).write_text(draw(cases), encoding="utf-8")
    sys.stdout.write(markdown(cases))


if __name__ == "__main__":
    main(sys.argv)
