from __future__ import annotations

import pytest

from multipolar.text.lang import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The minister said on Tuesday that the government would not change its position on the trade deal with the neighbours.",
            "en",
        ),
        (
            "El gobierno de México anunció el martes que no cambiará su posición sobre el acuerdo comercial con los vecinos del norte.",
            "es",
        ),
        (
            "Le gouvernement a annoncé mardi qu'il ne changera pas sa position sur l'accord commercial avec les voisins du nord.",
            "fr",
        ),
        (
            "Die Regierung hat am Dienstag angekündigt, dass sie ihre Position zum Handelsabkommen mit den Nachbarn nicht ändern wird.",
            "de",
        ),
        (
            "政府は火曜日、隣国との貿易協定に関する立場を変えないと発表した。首相は記者会見でこの問題について説明した。",
            "ja",
        ),
        (
            "中国政府周二宣布，不会改变其在与邻国贸易协定上的立场。外交部发言人在记者会上说明了这一问题。",
            "zh",
        ),
        (
            "Правительство во вторник объявило, что не изменит свою позицию по торговому соглашению с соседями.",
            "ru",
        ),
        ("short", None),
    ],
)
def test_detect_language(text: str, lang: str | None) -> None:
    assert detect_language(text) == lang
