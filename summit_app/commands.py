"""The headless commands of DESIGN.md: new, info, export, check, rollup, schema; and the summit room's.

``summit_app.cli`` loads this module only for a command, so opening the app
does not load what the commands alone need.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from summit_app import PROG, __version__
from summit_app.outputs import OutputBatch, OutputError
from summit_app.plan import model
from summit_app.plan.budget import summarize
from summit_app.plan.content import load_content
from summit_app.plan.interchange import json_schema
from summit_app.plan.money import format_money
from summit_app.plan.signing import signed_state
from summit_app.store.location import is_server_location
from summit_app.store.plan_file import close_document, create_plan, open_document, open_plan
from summit_app.workflows import exports
from summit_app.workflows.documents import read_json_plan
from summit_app.workflows.errors import UsageError
from summit_app.workflows.exports import SigningRefused

if TYPE_CHECKING:
    from summit_app.plan.checks import Finding
    from summit_app.plan.rollup import SkippedFile

__all__ = ["UsageError", "command_parser", "read_json_plan"]

def _demo() -> model.Plan:
    from summit_app.plan.samples import demo_plan

    return demo_plan()


# --- commands ---------------------------------------------------------------------------


def cmd_new(args: argparse.Namespace) -> int:
    plan = _demo() if args.demo else read_json_plan(args.from_json) if args.from_json else model.Plan()
    if args.district is not None:
        plan = plan.replace(district=dataclasses.replace(plan.district, name=args.district))
    create_plan(args.plan, plan).close()
    print(f"Created {args.plan}")
    return 0


def _info(path: str) -> dict[str, Any]:
    with open_plan(path, read_only=True) as plan_file:
        plan = plan_file.load()
        revision = plan_file.schema_version()
        shown = plan_file.path if is_server_location(path) else path  # a server's address without its password
    state = signed_state(plan)
    summary = summarize(plan, load_content())
    return {
        "file": str(shown),
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


def _export_outputs(args: argparse.Namespace) -> list[exports.PlanOutput]:
    """The outputs ``export`` was asked for, each with its writer; the PDF is a draft unless it is ``--sign``ed."""
    outputs: list[exports.PlanOutput] = []
    if args.json:
        outputs.append((args.json, exports.interchange))
    if args.xlsx:
        outputs.append((args.xlsx, exports.workbook))
    if args.pdf:
        outputs.append((args.pdf, exports.pdf_writer(draft=not args.sign)))
    return outputs


def _sign_and_export(args: argparse.Namespace, batch: OutputBatch) -> None:
    """Export for signature: the signing edit is applied through the plan file's edit path."""
    document = open_document(args.plan, author=args.author or "")
    try:
        exports.sign_and_export(batch, document.plan, document.content, _export_outputs(args), document.apply)
    finally:
        close_document(document)


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
        with OutputBatch(targets, plans=[] if is_server_location(args.plan) else [args.plan]) as batch:
            if args.sign:
                _sign_and_export(args, batch)
            else:
                with open_plan(args.plan, read_only=True) as plan_file:
                    plan = plan_file.load()
                exports.write_all(batch, plan, _export_outputs(args))
    except OutputError as exc:
        raise UsageError(exc.what, exc.why) from None
    except SigningRefused as exc:
        return _refuse_signing(args.plan, exc.blockers)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Open findings in full and accepted ones apart; exit 1 if an open finding blocks (none can be accepted)."""
    from summit_app.plan.checks import assess, assessment_json, format_assessment

    with open_plan(args.plan, read_only=True) as plan_file:
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


def _warn_skipped(skipped: Sequence[SkippedFile]) -> None:
    for file in skipped:
        print(f"{PROG}: warning: {file.path}: {file.why}", file=sys.stderr)


def cmd_rollup(args: argparse.Namespace) -> int:
    """Roll many plans up into an anonymous (or ``--named``) regional workbook and PDF; bad files are skipped.

    The outputs are vetted before any plan is read (a bad target is known at
    once, and no output may be one of the plans) and written all or none.
    """
    from summit_app.export.rollup_figures import peer_count_text
    from summit_app.workflows.rollup import NoPlanRead, RollupRequest, roll_up

    if args.min_group < 1:
        raise UsageError("--min-group", "give a whole number of districts, at least 1")
    request = RollupRequest(tuple(args.plans), args.xlsx, args.pdf, args.min_group, args.named)
    try:
        report = roll_up(request, skipped=_warn_skipped)
    except OutputError as exc:
        raise UsageError(exc.what, exc.why) from None
    except NoPlanRead as exc:
        raise UsageError("rollup", str(exc)) from None
    targets = [o for o in (args.xlsx, args.pdf) if o]
    print(f"Rolled up {report.summary.district_count} of {report.listed} plan files into " + " and ".join(targets)
          + f", with {peer_count_text(report.summary.peers)}")
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

    from summit_app.room.command_line import add_commands

    add_commands(sub)
    return parser
