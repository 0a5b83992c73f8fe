"""Timing one page in-process, as bench/worklist.py and bench/monitor.py do: p50, p95, max and queries."""

import statistics
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext


def timed_get(client, url, params, runs):
    """Fetch `url` with `params` `runs` times through Django's test client."""
    timings, queries, status = [], 0, None
    for _run in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url, params)
            timings.append((time.perf_counter() - started) * 1000)
        queries, status = len(captured), response.status_code
    timings.sort()
    return {
        "status": status,
        "queries": queries,
        "p50": statistics.median(timings),
        "p95": timings[int(len(timings) * 0.95) - 1],
        "max": timings[-1],
    }
