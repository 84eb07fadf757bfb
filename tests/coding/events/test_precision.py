"""Precision rules of the event stage (``_precision``): sentences that name states and
leaders but report no event between them, each next to one that does. The sentences are
written for these tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

pytest.importorskip("spacy")

DATE = dt.date(2019, 6, 1)


@pytest.fixture(scope="module")
def code() -> Any:
    from multipolar.coding.coder import Coder

    coder = Coder()

    def run(text: str, date: dt.date | None = DATE) -> list[tuple[str | None, str | None, str]]:
        return [(e.source, e.target, e.cameo) for e in coder.code(text, date).events]

    return run


NO_EVENT = [
    # things, not parties, as the object of a reading that needs a party
    ("thing object", "In all, the Kremlin manages a fleet of armoured trucks worth $2 billion."),
    ("thing object", "German households held about $900 billion in savings accounts."),
    ("thing object", "President Emmanuel Macron salutes a flag at the ceremony."),
    # background: an act dated years before the article
    ("background", "The last time Russia expelled British diplomats on this scale was in 1998."),
    ("background", "In 2003, France condemned the invasion of Iraq."),
    # subjects that are no party
    ("non-agent", "The cyclone that struck Bangladesh on Monday is now blamed for 300 deaths."),
    ("non-agent", "The war has killed 2,000 Yemenis, said a spokesman."),
    ("non-agent", "The new season kicked off with a speech that praised Japan."),
    # frames that say nothing happened
    ("scenario", "Worst case: Iranian gunboats seize a British tanker and Britain sends warships."),
    ("opinion", "Jones is among those who believe Turkish troops are not going to attack Syria."),
    ("plan", "The plan is to make Mexico accept more asylum seekers."),
    ("avoid", "Officials said that Canada avoids signing agreements that would tie it to Iran."),
    ("habitual", "When officials from Japan sought China's views, she would forward them."),
    ("want", "The Israeli map at the UN aimed to show that Iran was close to a bomb."),
    # descriptions of people in relative clauses
    (
        "relative",
        "Mr. Lee, who until May was China's top envoy to Japan, told reporters it was fine.",
    ),
    (
        "relative",
        "Ivan Petrov, who served as Russia's deputy defence minister, resigned on Tuesday.",
    ),
    # verbs whose dictionary default misfires
    ("verb", "Mourners of the victims grieve over the coffins at a church in Kiev."),
    ("verb", "Canadian patrols encountered a large unit of the Russian army."),
    ("verb", "Merkel steers away from sanctions as a tool of diplomacy."),
    # denied acts: CAMEO codes what happened
    ("negated", "Ms. Novak, the Swedish envoy, has had no meetings with Chinese officials."),
    ("negated", "Japan never attacked Korea during the dispute."),
    ("negated", "Merkel did not condemn the Russian strikes."),
    ("negated report", "Poland's president hasn't said which Russian envoy he would expel."),
    # a habit is no act on a day
    ("habitual", "The Dutch always seek consensus with Belgium on such matters."),
    ("habitual", "Russia often accuses Ukraine of provocations."),
    ("negated report", "Canada did not say that Mexico had raised its tariffs."),
    # questions, possibilities and abilities are not acts
    (
        "whether",
        "Officials in Paris said it was unclear whether Italy had backed the Greek government.",
    ),
    ("belief", "Many analysts believe that Iran can strike Saudi Arabia within hours."),
    ("ability", "Iranian forces were able to destroy Iraqi positions, the analyst wrote."),
    ("ability", "Lawmakers in Tokyo have been reluctant to criticize China in public."),
    # a wish for one's own act is no demand
    ("self wish", "They want to hand Iran $100 billion."),
    ("self wish", "Britain will need to be vigilant about Russian cyber threats, May said."),
    # participles of attribution and description, and verbs one undergoes
    (
        "attribution",
        "Chinese officials, speaking on condition of anonymity, said Japan had been told.",
    ),
    ("attribution", "The Kenya Times, citing police in Uganda, put the toll at 40."),
    ("description", "Ahmed was among the Chechen volunteers fighting Russian troops in Syria."),
    ("undergo", "Dozens of Iraqi soldiers died in Syria last month."),
    ("desire", "China is eager to seal a deal while keeping its economic system."),
    # an inference about what a party did is a judgment, not a report of it
    ("evident", "It is now plain that Turkey is deploying its diplomats to win votes at home."),
    (
        "evident",
        "Critics said it's obvious to them that Serbian troops have misused the truce, "
        "driving Kosovar police out of the villages.",
    ),
    # what a party can do is not what it did
    ("ability", "Iranian missiles can strike Saudi Arabia within hours."),
    ("ability", "Analysts say Pakistan can already see how the ceasefire is holding."),
    ("ability", "The Norwegian minister said Sweden can look to a future of calm relations."),
    # a verb's dictionary default with nobody acted on: light verbs in their everyday senses
    ("weak default", "Chancellor Scholz spoke in Hamburg on Friday morning."),
    ("weak default", "The Mexican president held a press event in the capital to tout growth."),
    ("weak default", "As Brazil's finance minister, Ms. Costa led the questioning of bankers."),
    # a hedge with no act of its own under it
    ("hedge", "The Polish government appears to be in no hurry over the matter."),
]


@pytest.mark.parametrize(("rule", "text"), NO_EVENT, ids=[f"{r}:{t[:30]}" for r, t in NO_EVENT])
def test_no_event(code: Any, rule: str, text: str) -> None:
    assert code(text) == []


EVENT = [
    ("Russia expelled two British diplomats on Monday.", ("RUS", "GBR", "16")),
    ("Police in Kenya held three journalists overnight.", ("KEN", "KEN", "17")),
    ("Indian police arrested dozens of protesters.", ("IND", "IND", "17")),
    ("China condemned the Japanese decision.", ("CHN", "JPN", "11")),
    ("Turkish troops attacked Kurdish fighters in Syria.", ("TUR", "SYR", "19")),
    ("Japan and China held talks in Beijing.", ("JPN", "CHN", "04")),
    # a group the KB does not name still acts on a default reading
    ("Insurgents bombarded a government-held part of Syria's second city.", (None, "SYR", "19")),
    # each next to a sentence above: the same act, reported as done
    ("Officials in Paris said Italy had backed the Greek government.", ("ITA", "GRC", "05")),
    ("Russia accused Ukraine of provocations on Monday.", ("RUS", "UKR", "11")),
    # force reported as routine is reported abuse, which CAMEO codes
    ("Kenyan soldiers routinely beat Somali detainees, a court heard.", ("KEN", "SOM", "18")),
    ("Iranian forces destroyed Iraqi positions, the analyst wrote.", ("IRN", "IRQ", "19")),
    ("Lawmakers in Tokyo criticized China in public.", ("JPN", "CHN", "11")),
    # a denial CAMEO names is a rejection; a participle of a statement gives its content
    ("Japan did not agree to the Chinese proposal.", ("JPN", "CHN", "12")),
    ("The Turkish government issued a statement condemning Israel.", ("TUR", "ISR", "11")),
    # ability words that say the act was done are no frame: "quick to condemn"
    ("Chinese forces were quick to condemn the Japanese move.", ("CHN", "JPN", "11")),
    ("Iran wants UN sanctions lifted immediately.", ("IRN", "UN", "10")),
    # desire toward a named party, and CAMEO's own intent words, stay intents
    ("Japan is eager to sign a trade deal with Vietnam.", ("JPN", "VNM", "03")),
    ("Iran is ready to negotiate with the United States.", ("IRN", "USA", "03")),
    # the same acts reported as done, next to the frames above
    ("Turkey is deploying its troops against Syria.", ("TUR", "SYR", "15")),
    ("Chancellor Scholz spoke with the Polish president on Friday.", ("DEU", "POL", "04")),
    # a demand is the default's own sense, and a hedge passes the act under it on
    ("Tehran wants the foreign fleets gone from the Gulf.", ("IRN", None, "10")),
    ("Russia appeared to criticize Germany over the pipeline.", ("RUS", "DEU", "11")),
]


@pytest.mark.parametrize(("text", "want"), EVENT, ids=[t[:40] for t, _ in EVENT])
def test_event_kept(code: Any, text: str, want: tuple[str | None, str | None, str]) -> None:
    got = [(s, t, c[:2]) for s, t, c in code(text)]
    assert want in got


@pytest.mark.parametrize(
    ("text", "date", "coded"),
    [
        # the same dated act is news in its own year and the next, background after that
        ("In 2017, France condemned the Russian strikes.", dt.date(2018, 3, 1), True),
        ("In 2014, France condemned the Russian strikes.", dt.date(2018, 3, 1), False),
        # "since" says the act lasts until now: no background
        ("Since 2014, Russia has supported the rebels in Ukraine.", dt.date(2018, 3, 1), True),
        # without an article date nothing is background
        ("In 2014, France condemned the Russian strikes.", None, True),
    ],
)
def test_background_year(code: Any, text: str, date: dt.date | None, coded: bool) -> None:
    assert bool(code(text, date)) is coded


def test_it_is_no_person(code: Any) -> None:
    # "it" cannot stand for the leader named before: the helicopter flies, not Macron
    events = code("President Emmanuel Macron waves at a helicopter as it flies over Germany.")
    assert all(s != "FRA" for s, _t, _c in events)
