"""The HTML, CSS and JS of the report and the dashboard, kept as files in ``templates/``.

The Python modules decide what goes where; the markup lives in the template files, read from
the installed package with :mod:`importlib.resources`. HTML templates are filled by
:class:`string.Template` (``$name`` slots), so the braces of CSS and JS need no escaping; CSS
and JS files are never templates themselves, only values put into a slot, because JS template
literals (``${...}``) would read as slots.

Files are used exactly as stored, final newline included: a template slot for a multi-line
fragment is placed so that the fragment's final newline ends its line.
"""

from __future__ import annotations

import functools
from importlib import resources
from string import Template


@functools.cache
def read(name: str) -> str:
    """The text of one file in ``templates/`` (e.g. ``"report.css"``), exactly as stored.

    :param name: the file name inside ``multipolar/web/templates``.
    """
    return (resources.files("multipolar.web") / "templates" / name).read_text("utf-8")


def fill(name: str, **values: str) -> str:
    """An HTML template with every ``$name`` slot replaced by its value.

    Values go in as they are (escape them first); a missing value raises ``KeyError``.

    :param name: the template's file name inside ``multipolar/web/templates``.
    :param values: the text for each slot.
    """
    return Template(read(name)).substitute(values)
