"""The ``multipolar`` command line (click).

Every command has a docstring (its ``--help``) and a test; shared option decorators
(:mod:`.options`) keep the ``--db`` and ``--format`` options the same everywhere. Errors are
one line saying what to do. Exit codes: 0 success (also when some inputs were rejected),
1 nothing could be done, 2 usage.

Each command parses its options, makes one library call and formats what comes back; the
library is imported inside the commands, so ``multipolar --help`` starts fast.
"""

from __future__ import annotations

import click

from .. import __version__
from . import alignment, evaluate, extract, ingest, query, reference

__all__ = ["cli"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="multipolar")
def cli() -> None:
    """multipolar: news in, coded events about how states align out.

    \b
    Typical use:
      multipolar ingest --db news.duckdb articles/        # txt, html, jsonl(.gz), or - for stdin
      multipolar code --db news.duckdb                    # code every new article
      multipolar events --db news.duckdb --dyad CAN MEX   # query events
      multipolar extract story.txt --date 2025-06-01      # code one text, no database
    """


# In the order of the old single module; --help lists them sorted by name either way. The
# modules, not their commands, are the names here, so multipolar.cli.extract stays a module.
for _command in (
    ingest.ingest,
    ingest.code,
    query.events,
    query.quantities,
    query.stats,
    extract.extract,
    evaluate.eval_,
    reference.kb,
    reference.trade,
    alignment.dyads,
    alignment.network,
    alignment.hedging,
    alignment.report,
    alignment.serve,
    reference.actors,
    ingest.export_,
    ingest.load_,
    ingest.code_parquet,
):
    cli.add_command(_command)
