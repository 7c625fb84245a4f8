"""Plan checks: the Review pane re-runs them on every edit, so on the large plan they must stay within 20 ms."""

from __future__ import annotations

from pathlib import Path

from bench.figures import Figure, median_ms, timed
from summit_app.plan.checks import format_findings, run_checks
from summit_app.plan.content import load_content
from summit_app.plan.coverage import coverage
from summit_app.plan.samples import demo_plan, large_plan

TARGET_MS = 20.0


def measure(workdir: Path) -> list[Figure]:
    """Median time of the checks and of framework coverage on the large plan, and of the checks on the demo."""
    content = load_content()
    large, demo = large_plan(), demo_plan()
    findings = run_checks(large, content)
    size = f"{len(large.budget)} lines, {len(large.apps)} apps, {len(findings)} findings"
    return [
        Figure("check: run_checks(large_plan)", median_ms(timed(lambda: run_checks(large, content), 21)), "ms",
               TARGET_MS, note=size),
        Figure("check: run_checks + report (large_plan)",
               median_ms(timed(lambda: format_findings(run_checks(large, content), content), 21)), "ms", TARGET_MS),
        Figure("check: coverage(large_plan)", median_ms(timed(lambda: coverage(large, content), 21)), "ms"),
        Figure("check: run_checks(demo_plan)", median_ms(timed(lambda: run_checks(demo, content), 21)), "ms",
               TARGET_MS),
    ]
