"""The headless commands of DESIGN.md: new, info, export, check, rollup, schema.

``summit_app.cli`` loads this module only for a command, so opening the app
does not load what the commands alone need.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import stat
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summit_app import __version__
from summit_app.cli import PROG, UsageError
from summit_app.outputs import OutputBatch, OutputError
from summit_app.plan import json_text, model
from summit_app.plan.budget import summarize
from summit_app.plan.codec import DecodeError
from summit_app.plan.content import load_content
from summit_app.plan.edits import apply_edit
from summit_app.plan.interchange import dumps, json_schema, plan_from_json
from summit_app.plan.money import format_money
from summit_app.plan.signing import sign_edit, signed_state
from summit_app.store.plan_file import PlanFile, close_document, open_document

if TYPE_CHECKING:
    from summit_app.plan.checks import Finding
    from summit_app.plan.rollup import RollupReport

# --- reading input --------------------------------------------------------------------


def _read_document_text(path: str) -> str:
    """The text of a JSON file: a regular file of at most ``json_text.MAX_DOCUMENT_BYTES`` in UTF-8."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO or a device would block or never end
            raise UsageError(path, "is a folder, not a JSON file" if os.path.isdir(path) else "is not a regular file")
        with open(path, "rb") as file:
            data = file.read(json_text.MAX_DOCUMENT_BYTES + 1)
    except FileNotFoundError:
        raise UsageError(path, "no such file") from None
    except OSError as exc:
        raise UsageError(path, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > json_text.MAX_DOCUMENT_BYTES:
        raise UsageError(path, f"is larger than a plan document may be ({json_text.MAX_DOCUMENT_BYTES // 2**20} MiB)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(path, f"is not UTF-8 text (byte {exc.start + 1} is not valid UTF-8)") from None


def read_json_plan(path: str) -> model.Plan:
    """A plan from an interchange document; ``UsageError`` naming the bad field."""
    text = _read_document_text(path)
    try:
        return plan_from_json(json_text.loads(text), load_content())
    except json.JSONDecodeError as exc:
        raise UsageError(path, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except DecodeError as exc:
        why = f"{exc.path}: {exc.message}"  # a rule may quote a value: a 10 MB id makes no readable line
        raise UsageError(path, why if len(why) <= 500 else why[:500] + "…") from None


def _demo() -> model.Plan:
    from summit_app.plan.samples import demo_plan

    return demo_plan()


# --- commands ---------------------------------------------------------------------------


def cmd_new(args: argparse.Namespace) -> int:
    plan = _demo() if args.demo else read_json_plan(args.from_json) if args.from_json else model.Plan()
    if args.district is not None:
        plan = plan.replace(district=dataclasses.replace(plan.district, name=args.district))
    PlanFile.create(args.plan, plan).close()
    print(f"Created {args.plan}")
    return 0


def _info(path: str) -> dict[str, Any]:
    with PlanFile.open(path, read_only=True) as plan_file:
        plan = plan_file.load()
        revision = plan_file.schema_version()
    state = signed_state(plan)
    summary = summarize(plan)
    return {
        "file": path,
        "schema_version": revision,
        "district": plan.district.name,
        "fiscal_years": plan.fiscal_years(),
        "fingerprint": state.current_fingerprint,
        "counts": {name: len(getattr(plan, name)) for name in model.COLLECTIONS},
        "budget_total": str(summary.total),
        "funding_total": str(summary.funding_total),
        "signed": state.signed,
        "signed_fingerprint": state.signed_fingerprint or None,
        "signed_at": state.signed_at.isoformat().replace("+00:00", "Z") if state.signed_at else None,
        "changed_since_signed": state.changed_since_signed,
    }


def cmd_info(args: argparse.Namespace) -> int:
    info = _info(args.plan)
    if args.json:
        print(json.dumps(info, ensure_ascii=False))
        return 0
    years = info["fiscal_years"]
    signed = ("signed" if info["signed"] else "changed since it was signed" if info["changed_since_signed"]
              else "not signed")
    print(f"District:     {info['district'] or '(not named yet)'}")
    print(f"Fiscal years: FY{years[0]}–FY{years[-1]}")
    print(f"Budget total: {format_money(Decimal(info['budget_total']), cents=True)}")
    print(f"Fingerprint:  {info['fingerprint']}")
    print(f"Signed:       {signed}")
    print(f"Plan format:  {info['schema_version']}")
    print("Items:        " + ", ".join(f"{k} {v}" for k, v in info["counts"].items()))
    return 0


def _export_writers(plan: model.Plan, args: argparse.Namespace) -> list[tuple[str, Callable[[Path], object]]]:
    """The outputs ``export`` was asked for, each with its writer; the PDF is a draft unless it is ``--sign``ed."""
    writers: list[tuple[str, Callable[[Path], object]]] = []
    if args.json:
        writers.append((args.json, lambda p: p.write_text(dumps(plan), encoding="utf-8")))
    if args.xlsx:
        from summit_app.export.xlsx import write_xlsx

        writers.append((args.xlsx, lambda p: write_xlsx(plan, p)))
    if args.pdf:
        from summit_app.export.pdf import write_pdf

        writers.append((args.pdf, lambda p: write_pdf(plan, p, draft=not args.sign)))
    return writers


def _write_all(batch: OutputBatch, writers: list[tuple[str, Callable[[Path], object]]],
               before_replace: Callable[[], object] | None = None) -> None:
    for target, write in writers:
        batch.write(target, write)
    batch.commit(before_replace)


def _sign_and_export(args: argparse.Namespace, batch: OutputBatch) -> None:
    """Export for signature, recording the signature only once every output is written.

    The outputs are written to temporary files from the plan as it will be once
    signed; the signing edit is applied next, and only then are the files moved
    into place: a failed export never leaves a plan that says it was signed.
    """
    from summit_app.plan.checks import signing_blockers

    document = open_document(args.plan, author=args.author or "")
    try:
        blockers = signing_blockers(document.plan, document.content)
        if blockers:
            raise SigningRefused(blockers)
        edit = sign_edit(document.plan, datetime.now(UTC))
        signed, _ = apply_edit(document.plan, edit, document.content)
        _write_all(batch, _export_writers(signed, args), before_replace=lambda: document.apply(edit))
    finally:
        close_document(document)


class SigningRefused(Exception):
    """The plan has blocking findings: it is not signed, and no output is written."""

    def __init__(self, blockers: list[Finding]) -> None:
        super().__init__(f"{len(blockers)} blocking findings")
        self.blockers = blockers


def _refuse_signing(plan_path: str, blockers: list[Finding]) -> int:
    """Say what blocks the signature, one finding a line; exit 1 as ``check`` does for the same findings."""
    from summit_app.plan.checks import format_findings

    count = f"{len(blockers)} blocking finding{'s' if len(blockers) != 1 else ''}"
    print(f"{PROG}: not signed: {plan_path}: the plan has {count}; nothing was written", file=sys.stderr)
    print(format_findings(blockers, load_content()), file=sys.stderr)
    return 1


def cmd_export(args: argparse.Namespace) -> int:
    """Write the plan's outputs all or none; every target is vetted before the plan is opened."""
    if not (args.json or args.xlsx or args.pdf):
        raise UsageError("export", "say what to write: --json OUT, --xlsx OUT and/or --pdf OUT")
    if args.sign and not args.pdf:
        raise UsageError("export", "--sign records a signed PDF; give --pdf OUT too")
    targets = [t for t in (args.json, args.xlsx, args.pdf) if t]
    try:
        with OutputBatch(targets, plans=[args.plan]) as batch:
            if args.sign:
                _sign_and_export(args, batch)
            else:
                with PlanFile.open(args.plan, read_only=True) as plan_file:
                    plan = plan_file.load()
                _write_all(batch, _export_writers(plan, args))
    except OutputError as exc:
        raise UsageError(exc.what, exc.why) from None
    except SigningRefused as exc:
        return _refuse_signing(args.plan, exc.blockers)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Open findings in full and accepted ones apart; exit 1 if an open finding blocks (none can be accepted)."""
    from summit_app.plan.checks import assess, assessment_json, format_assessment

    with PlanFile.open(args.plan, read_only=True) as plan_file:
        plan = plan_file.load()
    assessment = assess(plan, load_content())
    if args.json:
        print(json.dumps(assessment_json(assessment), ensure_ascii=False, indent=2))
    else:
        print(format_assessment(assessment, load_content()))
    return 1 if any(f.blocking for f in assessment.open) else 0


def cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(load_content()), indent=2, ensure_ascii=False))
    return 0


def _rollup_report(args: argparse.Namespace) -> RollupReport:
    """Read the listed plans (warning of each skipped file) and summarise the region."""
    from datetime import date

    from summit_app.plan.rollup import RollupReport, summarize_region
    from summit_app.store.rollup_reader import read_plans

    result = read_plans(args.plans)
    for skipped in result.skipped:
        print(f"{PROG}: warning: {skipped.path}: {skipped.why}", file=sys.stderr)
    if not result.plans:
        raise UsageError("rollup", f"no listed file could be read as a plan ({result.listed} listed)")
    summary = summarize_region(result.plans, load_content(), args.min_group, args.named)
    return RollupReport(summary, tuple(result.skipped), result.listed, date.today())


def cmd_rollup(args: argparse.Namespace) -> int:
    """Roll many plans up into an anonymous (or ``--named``) regional workbook and PDF; bad files are skipped.

    The outputs are vetted before any plan is read (a bad target is known at
    once, and no output may be one of the plans) and written all or none.
    """
    if args.min_group < 1:
        raise UsageError("--min-group", "give a whole number of districts, at least 1")
    targets = [o for o in (args.xlsx, args.pdf) if o]
    try:
        with OutputBatch(targets, plans=args.plans, role="one of the plans being rolled up") as batch:
            from summit_app.export.rollup_pdf import write_rollup_pdf
            from summit_app.export.rollup_xlsx import write_rollup_xlsx

            report = _rollup_report(args)
            batch.write(args.xlsx, lambda p: write_rollup_xlsx(report, p))
            if args.pdf:
                batch.write(args.pdf, lambda p: write_rollup_pdf(report, p))
            batch.commit()
    except OutputError as exc:
        raise UsageError(exc.what, exc.why) from None
    print(f"Rolled up {report.summary.district_count} of {report.listed} plan files into " + " and ".join(targets))
    return 0


def command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="Summit Planner: district technology plans.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("new", help="create a plan file (never overwrites)")
    p.add_argument("plan")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--demo", action="store_true", help="start from the demo district's plan")
    source.add_argument("--from-json", metavar="FILE", help="start from an interchange document")
    p.add_argument("--district", metavar="NAME", help="the district's name")
    p.set_defaults(run=cmd_new)

    p = sub.add_parser("info", help="what a plan holds: district, fingerprint, totals, signed state")
    p.add_argument("plan")
    p.add_argument("--json", action="store_true", help="one JSON object")
    p.set_defaults(run=cmd_info)

    p = sub.add_parser("export", help="write the plan as JSON, an Excel workbook and/or a PDF")
    p.add_argument("plan")
    p.add_argument("--json", metavar="OUT")
    p.add_argument("--xlsx", metavar="OUT")
    p.add_argument("--pdf", metavar="OUT")
    p.add_argument("--sign", action="store_true", help="the PDF is for signature: record its fingerprint")
    p.add_argument("--author", metavar="NAME", help="who signs (for the edit log)")
    p.set_defaults(run=cmd_export)

    p = sub.add_parser("check", help="plan checks, accepted findings apart; exit 1 if any open finding blocks")
    p.add_argument("plan")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_check)

    p = sub.add_parser("rollup", help="regional roll-up of many plans: a workbook and PDF, anonymous by default")
    p.add_argument("plans", nargs="+", metavar="PLAN", help="plan files (unreadable ones are listed and skipped)")
    p.add_argument("--xlsx", metavar="OUT", required=True, help="the roll-up workbook to write")
    p.add_argument("--pdf", metavar="OUT", help="the roll-up report to write as a PDF")
    p.add_argument("--min-group", metavar="N", type=int, default=3,
                   help="suppress any figure over fewer than N districts (default 3)")
    p.add_argument("--named", action="store_true", help="name the districts (adds a per-district table)")
    p.set_defaults(run=cmd_rollup)

    p = sub.add_parser("schema", help="print the JSON Schema of the interchange format")
    p.set_defaults(run=cmd_schema)
    return parser
