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
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from ._clean import normalise_for_hash

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

_WORD = re.compile(r"\w+")
_MASK64 = (1 << 64) - 1


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

# Word hashes repeat across articles; a bounded cache keeps ingest cheap without growing
# without limit on a long run over a large vocabulary (it is emptied when full).
_WORD_CACHE: dict[str, int] = {}
_WORD_CACHE_MAX = 500_000
# Shingles hashed per step, so that a very long text (a 2 MB part) needs NUM_PERM x this much
# working memory rather than NUM_PERM x its whole length.
_CHUNK = 4096


def _word_hashes(tokens: list[str]) -> Uint64Array:
    """A stable 64-bit hash per token (blake2b, cached)."""
    cache = _WORD_CACHE
    values = list(map(cache.get, tokens))
    if None in values:
        if len(cache) + len(values) > _WORD_CACHE_MAX:
            cache.clear()
        for i, value in enumerate(values):
            if value is None:
                word = tokens[i]
                value = cache.get(word)
                if value is None:
                    digest = hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest()
                    value = cache[word] = int.from_bytes(digest, "little")
                values[i] = value
    return np.array(values, dtype=np.uint64)


def _mix(x: Uint64Array) -> Uint64Array:
    """The splitmix64 finaliser, in place: spreads every input bit over the whole word."""
    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return x


def words(normalised_text: str) -> list[str]:
    """The words of a text already passed through :func:`normalise_for_hash`, punctuation dropped.

    Dropping punctuation makes a republication with other quote marks or dashes still match.
    """
    return _WORD.findall(normalised_text)


def shingles(tokens: list[str]) -> Uint64Array:
    """The 64-bit hashes of the word 5-grams of ``tokens`` (empty when too few).

    Repeats are kept: a minimum does not change when a value occurs twice, and removing them
    would cost a sort.
    """
    if len(tokens) < SHINGLE_WORDS:
        return np.empty(0, dtype=np.uint64)
    hashed = _word_hashes(tokens)
    n = len(tokens) - SHINGLE_WORDS + 1
    acc = hashed[:n] * _POSITION[0]
    # A different odd multiplier per position makes "a b c d e" and "e d c b a" differ.
    for pos in range(1, SHINGLE_WORDS):
        acc += hashed[pos : pos + n] * _POSITION[pos]
    return _mix(acc)


@dataclass(frozen=True, slots=True, eq=False)
class Signature:
    """The MinHash signature of one text: :data:`NUM_PERM` unsigned 32-bit minima."""

    values: Uint32Array

    def similarity(self, other: Signature) -> float:
        """Estimated Jaccard similarity of the two texts' shingle sets, 0..1."""
        return float(np.count_nonzero(self.values == other.values)) / NUM_PERM

    def band_keys(self) -> list[int]:
        """One signed 64-bit key per band (the band number is mixed in), for LSH lookups."""
        rows = self.values.reshape(BANDS, ROWS).astype(np.uint64)
        acc = (rows * _BAND_MUL).sum(axis=1, dtype=np.uint64) + _BAND_SALT
        # Signed, because DuckDB's BIGINT is; the bits are what matter.
        return [int(k) for k in _mix(acc).view(np.int64)]

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
    tokens = words(text if normalised else normalise_for_hash(text))
    if len(tokens) < MIN_WORDS:
        return None
    return minhash(shingles(tokens))


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
        for bucket in sig.band_keys():
            self._buckets.setdefault(bucket, []).append(key)

    def best(self, sig: Signature, exclude: str | None = None) -> Match | None:
        """The most similar indexed text at or above the threshold; the earliest on a tie."""
        candidates: set[str] = set()
        for bucket in sig.band_keys():
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
