"""The CAMEO ontology table: codes, classes and the PLOVER mapping."""

from __future__ import annotations

import pytest

from multipolar.coding.ontology import Ontology


@pytest.mark.parametrize(
    ("code", "root", "quad", "penta", "plover"),
    [
        ("010", "01", 1, 0, None),  # statements: PLOVER drops them
        ("020", "02", 1, 0, None),
        ("0311", "03", 1, 1, "AGREE"),
        ("040", "04", 1, 1, "CONSULT"),
        ("057", "05", 1, 1, "SUPPORT"),
        ("062", "06", 2, 2, "COOPERATE"),
        ("073", "07", 2, 2, "AID"),
        ("0871", "08", 2, 2, "RETREAT"),
        ("090", "09", 2, 3, "ACCUSE"),
        ("100", "10", 3, 3, "REQUEST"),
        ("112", "11", 3, 3, "ACCUSE"),
        ("125", "12", 3, 3, "REJECT"),
        ("1312", "13", 3, 3, "THREATEN"),
        ("141", "14", 3, 4, "PROTEST"),
        ("150", "15", 4, 4, "MOBILIZE"),
        ("160", "16", 4, 4, "SANCTION"),
        ("173", "17", 4, 4, "COERCE"),
        ("190", "19", 4, 4, "ASSAULT"),
    ],
)
def test_known_codes(code: str, root: str, quad: int, penta: int, plover: str | None) -> None:
    info = Ontology.default().info(code)
    assert (info.root, info.quad, info.pentaclass, info.plover) == (root, quad, penta, plover)
    assert -10.0 <= info.goldstein <= 10.0


@pytest.mark.parametrize(("code", "parent"), [("1388", "138"), ("0579", "057"), ("19", "19")])
def test_unknown_subcode_borrows_from_parent(code: str, parent: str) -> None:
    onto = Ontology.default()
    assert onto.info(code).plover == onto.info(parent).plover
    assert onto.info(code).code == code


@pytest.mark.parametrize("code", ["", "9", "99", "abc", "21"])
def test_invalid_codes_raise(code: str) -> None:
    with pytest.raises(KeyError):
        Ontology.default().info(code)


def test_goldstein_gaps_filled_from_parent() -> None:
    onto = Ontology.default()
    assert onto.info("1213").goldstein == onto.info("121").goldstein


def test_default_is_cached() -> None:
    assert Ontology.default() is Ontology.default()
