"""Near-duplicate detection: MinHash signatures over word shingles, LSH banding for candidates.

Wire stories are republished with small edits (another headline, one changed sentence, a
trailing boilerplate paragraph). The content hash only catches exact copies; this stage finds
the rest so that they can be *flagged* (never dropped) and events counted once.

A text becomes the set of its word 5-grams (after :func:`normalise_for_hash`), each 5-gram a
64-bit hash. :data:`NUM_PERM` hash functions give the MinHash signature; the share of equal
positions in two signatures estimates the Jaccard similarity of the two shingle sets. To avoid
comparing every pair, the signature is cut into :data:`BANDS` bands of :data:`ROWS` values;
texts that agree on a whole band are candidates (with 32 bands of 4, a pair at Jaccard 0.8 is
a candidate with probability > 0.999 999, a pair at 0.3 only 23 % of the time), and a
candidate is confirmed when the estimated similarity reaches the threshold.

Everything here is pure and deterministic across processes and runs (no use of Python's
salted ``hash``), because signatures and band keys are stored and compared in later runs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from .clean import normalise_for_hash

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 5
# Below this many words a text has too few shingles for a stable estimate: one changed word
# moves the similarity by several points, so short texts are never flagged.
MIN_WORDS = 30
DEFAULT_THRESHOLD = 0.8

Uint64Array = npt.NDArray[np.uint64]
Uint32Array = npt.NDArray[np.uint32]


def _constants(label: bytes, n: int) -> Uint64Array:
    # Fixed pseudo-random 64-bit constants derived from a label: the same in every process
    # and release, which stored signatures depend on. Odd, so that multiplying is a bijection.
    out = np.empty(n, dtype=np.uint64)
    for i in range(n):
        digest = hashlib.blake2b(label + i.to_bytes(4, "little"), digest_size=8).digest()
        out[i] = int.from_bytes(digest, "little") | 1
    return out


_POSITION = _constants(b"multipolar-shingle-position", SHINGLE_WORDS)
_PERM_MUL = _constants(b"multipolar-minhash-mul", NUM_PERM)
_BAND_MUL = _constants(b"multipolar-band-mul", ROWS)
_BAND_SALT = _constants(b"multipolar-band-salt", BANDS)

# Shingles hashed per step, so that a very long text (a 2 MB part) needs NUM_PERM x this much
# working memory rather than NUM_PERM x its whole length.
_CHUNK = 4096

# Words are runs of word characters: ASCII letters, digits and "_", and every non-ASCII
# character except the punctuation below. Dropping punctuation makes a republication with
# other quote marks or dashes still match; the list covers what news text actually uses.
_ASCII_WORD = np.array([chr(c).isalnum() or chr(c) == "_" for c in range(128)], dtype=bool)
_UNICODE_NONWORD = np.array(
    sorted(
        map(
            ord,
            "\u00a0\u00ab\u00bb\u00b7\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019"
            "\u201a\u201b\u201c\u201d\u201e\u201f\u2022\u2026\u2032\u2033\u2212\u3000",
        )
    ),
    dtype=np.uint32,
)
# A word's hash is the polynomial sum of its code points, c_0 + c_1 P + c_2 P^2 ... (mod 2^64),
# read off prefix sums of c_j P^j and scaled by P^-start (P is odd, so invertible): all words
# of a text are hashed in a few array operations instead of one Python call per word.
_P = int(_constants(b"multipolar-word-base", 1)[0])
_P_INV = pow(_P, -1, 1 << 64)
_powers: tuple[Uint64Array, Uint64Array] = (
    np.empty(0, dtype=np.uint64),
    np.empty(0, dtype=np.uint64),
)


def _power_tables(n: int) -> tuple[Uint64Array, Uint64Array]:
    """P^j and P^-j (mod 2^64) for j < n, grown on demand and kept for later texts."""
    global _powers
    if _powers[0].size < n:
        size = max(n, 2 * _powers[0].size, 1 << 14)
        tables = []
        for base in (_P, _P_INV):
            table = np.empty(size, dtype=np.uint64)
            table[0] = 1
            np.cumprod(np.full(size - 1, base, dtype=np.uint64), out=table[1:])
            tables.append(table)
        _powers = (tables[0], tables[1])
    return _powers


def _mix(x: Uint64Array) -> Uint64Array:
    """The splitmix64 finaliser, in place: spreads every input bit over the whole word."""
    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return x


def word_hashes(normalised_text: str) -> Uint64Array:
    """A 64-bit hash per word of a text already passed through :func:`normalise_for_hash`.

    Equal words get equal hashes, in any text, process or run; punctuation is not part of
    any word.
    """
    cp = np.frombuffer(normalised_text.encode("utf-32-le"), dtype=np.uint32)
    if cp.size == 0:
        return np.empty(0, dtype=np.uint64)
    is_word = np.where(cp < 128, _ASCII_WORD[np.minimum(cp, 127)], ~np.isin(cp, _UNICODE_NONWORD))
    edges = np.diff(is_word.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    power, inverse = _power_tables(cp.size)
    prefix = np.zeros(cp.size + 1, dtype=np.uint64)
    np.cumsum(cp.astype(np.uint64) * power[: cp.size], out=prefix[1:])
    return _mix((prefix[ends] - prefix[starts]) * inverse[starts])


def shingles(hashed_words: Uint64Array) -> Uint64Array:
    """The 64-bit hashes of the word 5-grams of a text, from :func:`word_hashes`.

    Empty when there are fewer than five words. Repeats are kept: a minimum does not change
    when a value occurs twice, and removing them would cost a sort.
    """
    n = hashed_words.size - SHINGLE_WORDS + 1
    if n <= 0:
        return np.empty(0, dtype=np.uint64)
    acc = hashed_words[:n] * _POSITION[0]
    # A different odd multiplier per position makes "a b c d e" and "e d c b a" differ.
    for pos in range(1, SHINGLE_WORDS):
        acc += hashed_words[pos : pos + n] * _POSITION[pos]
    return _mix(acc)


@dataclass(frozen=True, slots=True, eq=False)
class Signature:
    """The MinHash signature of one text: :data:`NUM_PERM` unsigned 32-bit minima."""

    values: Uint32Array
    # One signed 64-bit key per band (the band number mixed in), for LSH lookups; computed
    # once, as ingest needs them several times per article.
    band_keys: tuple[int, ...] = field(init=False)

    def __post_init__(self) -> None:
        rows = self.values.reshape(BANDS, ROWS).astype(np.uint64)
        acc = (rows * _BAND_MUL).sum(axis=1, dtype=np.uint64) + _BAND_SALT
        # Signed, because DuckDB's BIGINT is; the bits are what matter.
        object.__setattr__(self, "band_keys", tuple(_mix(acc).view(np.int64).tolist()))

    def similarity(self, other: Signature) -> float:
        """Estimated Jaccard similarity of the two texts' shingle sets, 0..1."""
        return float(np.count_nonzero(self.values == other.values)) / NUM_PERM

    def to_bytes(self) -> bytes:
        return self.values.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        if len(data) != NUM_PERM * 4:
            raise ValueError(f"a MinHash signature has {NUM_PERM * 4} bytes, got {len(data)}")
        return cls(np.frombuffer(data, dtype="<u4").astype(np.uint32))


def minhash(hashes: Uint64Array) -> Signature:
    """The MinHash signature of a non-empty set of 64-bit shingle hashes."""
    if hashes.size == 0:
        raise ValueError("cannot sign an empty shingle set")
    best = np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, hashes.size, _CHUNK):
        # Hash function i is x -> (a_i * x mod 2^64) >> 32 (multiply-shift with a random odd
        # a_i); the shingle hashes are already well mixed. The minimum of the full products
        # has the minimum high half, so the shift is applied to the 128 minima only.
        table = np.multiply.outer(_PERM_MUL, hashes[start : start + _CHUNK])
        np.minimum(best, table.min(axis=1), out=best)
    best >>= np.uint64(32)
    return Signature(best.astype(np.uint32))


def signature(text: str, *, normalised: bool = False) -> Signature | None:
    """The signature of a text, or None when it is too short (< :data:`MIN_WORDS` words).

    Pass ``normalised=True`` when ``text`` is already :func:`normalise_for_hash` output (ingest
    has it from the content hash), to skip doing that again.
    """
    hashed = word_hashes(text if normalised else normalise_for_hash(text))
    if hashed.size < MIN_WORDS:
        return None
    return minhash(shingles(hashed))


@dataclass(frozen=True, slots=True)
class Match:
    """The earlier text a new one nearly duplicates, and how similar they are."""

    id: str
    similarity: float


@dataclass(slots=True)
class NearDuplicateIndex:
    """An LSH index over signatures; :meth:`add` in order, so earlier texts win ties.

    Seed it with stored signatures (:meth:`add_bucket`) that share a band with the texts about
    to be added, then call :meth:`check_and_add` for each new text in input order.
    """

    threshold: float = DEFAULT_THRESHOLD
    _buckets: dict[int, list[str]] = field(default_factory=dict)
    _signatures: dict[str, Signature] = field(default_factory=dict)
    _order: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {self.threshold}")

    def _remember(self, key: str, sig: Signature) -> None:
        if key not in self._signatures:
            self._signatures[key] = sig
            self._order[key] = len(self._order)

    def add_bucket(self, bucket: int, key: str, sig: Signature) -> None:
        """Record that an already stored text ``key`` has band key ``bucket``."""
        self._remember(key, sig)
        members = self._buckets.setdefault(bucket, [])
        if key not in members:
            members.append(key)

    def add(self, key: str, sig: Signature) -> None:
        self._remember(key, sig)
        for bucket in sig.band_keys:
            self._buckets.setdefault(bucket, []).append(key)

    def best(self, sig: Signature, exclude: str | None = None) -> Match | None:
        """The most similar indexed text at or above the threshold; the earliest on a tie."""
        candidates: set[str] = set()
        for bucket in sig.band_keys:
            candidates.update(self._buckets.get(bucket, ()))
        candidates.discard(exclude or "")
        best: Match | None = None
        for key in sorted(candidates, key=self._order.__getitem__):
            sim = sig.similarity(self._signatures[key])
            if sim >= self.threshold and (best is None or sim > best.similarity):
                best = Match(key, sim)
        return best

    def check_and_add(self, key: str, sig: Signature) -> Match | None:
        """Compare a new text with everything indexed so far, then index it too."""
        match = self.best(sig, exclude=key)
        self.add(key, sig)
        return match


def find_near_duplicates(
    texts: Iterable[tuple[str, str]], threshold: float = DEFAULT_THRESHOLD
) -> dict[str, Match]:
    """For (id, text) pairs in order, map each near-duplicate's id to the earlier text it resembles."""
    index = NearDuplicateIndex(threshold)
    found: dict[str, Match] = {}
    for key, text in texts:
        sig = signature(text)
        if sig is None:
            continue
        match = index.check_and_add(key, sig)
        if match is not None:
            found[key] = match
    return found
