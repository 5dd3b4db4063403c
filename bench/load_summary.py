"""Summarise locust's `<name>_stats.csv`: requests per second, error rate and p95 per route;
given two files (the topology, then one app server), the ratio of their throughput."""

import csv
import sys


def _rows(path: str) -> list[dict[str, str]]:
    with open(path, newline="") as handle:
        return list(csv.DictReader(handle))


def summary(path: str) -> dict[str, float]:
    rows = _rows(path)
    for row in rows:
        if row["Name"] == "Aggregated":
            continue
        print(
            f"  {row['Type']:<5} {row['Name']:<28} {int(row['Request Count']):>6} req"
            f"  p95 {row['95%']:>6} ms  errors {int(row['Failure Count'])}"
        )
    total = next(row for row in rows if row["Name"] == "Aggregated")
    requests, failures = int(total["Request Count"]), int(total["Failure Count"])
    result = {
        "rps": float(total["Requests/s"]),
        "p95": float(total["95%"]),
        "errors": failures / requests if requests else 0.0,
    }
    print(
        f"  all: {requests} requests, {result['rps']:.1f} req/s,"
        f" p95 {result['p95']:.0f} ms, error rate {100 * result['errors']:.2f} %"
    )
    return result


if __name__ == "__main__":
    if len(sys.argv) == 3:
        topology, one = (summary(path) for path in sys.argv[1:])
        print(f"ratio topology / one app server: {topology['rps'] / one['rps']:.2f}x req/s")
    else:
        summary(sys.argv[1])
