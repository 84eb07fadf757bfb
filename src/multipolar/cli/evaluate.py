"""The eval command: score the coder against a gold file."""

from __future__ import annotations

import json

import click

from .options import format_option


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@format_option("table", "json")
@click.option(
    "--errors",
    "show_errors",
    is_flag=True,
    help="List each miss with its sentence, gold and prediction.",
)
@click.option(
    "--category",
    default=None,
    metavar="NAME",
    help="Score only records of this category (GOLD, AFP, ALLSIDES_CHECK, ...).",
)
@click.option(
    "--shared",
    type=click.Path(file_okay=False),
    default=None,
    envvar="MULTIPOLAR_SHARED",
    help="The shared data folder, for gold records that point into its news corpora "
    "[default: $MULTIPOLAR_SHARED, else ../shared].",
)
def eval_(gold: str, fmt: str, show_errors: bool, category: str | None, shared: str | None) -> None:
    """Score the coder against a gold file (PLOVER GSR or PETRARCH-2 validation JSONL).

    Prints category accuracy and macro-F1 (PLOVER), CAMEO root accuracy and pentaclass
    macro-F1 (PETR), actor country accuracy, event-tuple precision/recall/F1 and the
    false-event rate on sentences coded as having no event. Records may hold their sentence
    as ``text`` or as a ``ref`` into a news corpus under the shared folder; a referenced
    sentence is coded after its article's earlier text, as ``code`` reads it. A pentaclass
    labels a sentence: with no event whose parties are known, the sentence takes the class
    of its main act.
    """
    from ..coding.coder import Coder
    from ..coding.eval import GoldError, evaluate, format_table, read_gold

    try:
        records = read_gold(gold, shared=shared, category=category)
    except GoldError as exc:
        raise click.ClickException(str(exc)) from exc
    if not records:
        raise click.ClickException(
            f"{gold}: no records"
            + (f" of category {category}" if category else "")
            + "; give a JSONL file with one gold record a line"
        )
    result = evaluate(records, Coder())
    if fmt == "json":
        if not show_errors:
            result = {k: v for k, v in result.items() if k != "errors"}
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        click.echo(format_table(result, errors=show_errors))
