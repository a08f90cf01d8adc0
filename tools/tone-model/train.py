"""Trains Plume's sentiment model: hashed word, word-pair and character n-gram features, one
linear layer (negative / neutral / positive), weights quantised to int8.

Reproducible: fixed seed, fixed data order, pinned numpy (see train.sh). Reads only the
permissively licensed sets of the development data's `tone-train/` folder (GoEmotions
Apache-2.0; XED, DynaSent CC BY 4.0; the Allociné sample MIT), never the tweets used to
measure (TweetEval, XLM-T). Writes `src/tone/model/sentiment.bin`, read by
`src/tone/model.rs`, whose feature extraction this file mirrors exactly.

    tools/tone-model/train.sh [path/to/tone-train]
"""

import struct
import sys
from pathlib import Path

import numpy as np

# Must match src/tone/model.rs.
BUCKETS = 1 << 14
CLASSES = 3  # negative, neutral, positive
MAGIC = b"PLTM"
VERSION = 1
LABELS = {"negative": 0, "neutral": 1, "positive": 2}
# Joiners and modifiers that are part of an emoji, not a token of their own.
SKIPPED = {0x200D, 0xFE0E, 0xFE0F} | set(range(0x1F3FB, 0x1F400))

SEED = 18
EPOCHS = 8
BATCH = 256
LEARNING_RATE = 0.02
L2 = 1e-6
# French rows are fewer; they weigh this much more in the loss.
FRENCH_WEIGHT = 3.0


def fnv1a(data: bytes) -> int:
    h = 0x811C9DC5
    for b in data:
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def tokens(text: str) -> list[str]:
    """Words (runs of letters and digits, inner apostrophes kept) and single symbols (emoji)."""
    out = []
    word = []
    chars = text.lower().replace("\u2019", "'")
    for i, c in enumerate(chars):
        if c.isalnum() or (c == "'" and word and i + 1 < len(chars) and chars[i + 1].isalnum()):
            word.append(c)
            continue
        if word:
            out.append("".join(word))
            word = []
        cp = ord(c)
        if cp >= 0x2000 and cp not in SKIPPED and not c.isspace():
            out.append(c)
    if word:
        out.append("".join(word))
    return out


BUCKET_OF: dict[str, int] = {}


def features(text: str) -> dict[int, float]:
    """Bucket → value: counts of every feature, scaled to unit length."""
    counts: dict[int, float] = {}

    def add(feature: str) -> None:
        b = BUCKET_OF.get(feature)
        if b is None:
            b = BUCKET_OF[feature] = fnv1a(feature.encode("utf-8")) & (BUCKETS - 1)
        counts[b] = counts.get(b, 0.0) + 1.0

    toks = tokens(text)
    for i, t in enumerate(toks):
        add("w" + t)
        if i + 1 < len(toks):
            add("b" + t + " " + toks[i + 1])
        if t[0].isalnum():
            padded = "<" + t + ">"
            chars = list(padded)
            for n in (3, 4):
                for k in range(len(chars) - n + 1):
                    add("c" + "".join(chars[k : k + n]))
    norm = sum(v * v for v in counts.values()) ** 0.5
    if norm > 0:
        for k in counts:
            counts[k] /= norm
    return counts


def read(path: Path, language: str, limit_chars: int = 600):
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or parts[0] not in LABELS:
            continue
        if len(parts) >= 4 and parts[3] not in ("en", "fr"):
            continue
        rows.append((LABELS[parts[0]], parts[1][:limit_chars], language))
    return rows


def matrix(rows):
    indptr = [0]
    cols = []
    vals = []
    for _, text, _ in rows:
        f = features(text)
        cols.extend(f.keys())
        vals.extend(f.values())
        indptr.append(len(cols))
    return (
        np.array(indptr, dtype=np.int64),
        np.array(cols, dtype=np.int64),
        np.array(vals, dtype=np.float64),
    )


def batch_logits(W, b, indptr, cols, vals, idx):
    starts = indptr[idx]
    ends = indptr[idx + 1]
    lengths = ends - starts
    flat = np.concatenate([np.arange(s, e) for s, e in zip(starts, ends)]) if len(idx) else np.array([], dtype=np.int64)
    row_of = np.repeat(np.arange(len(idx)), lengths)
    contrib = vals[flat, None] * W[cols[flat]]
    out = np.zeros((len(idx), CLASSES))
    for k in range(CLASSES):
        out[:, k] = np.bincount(row_of, weights=contrib[:, k], minlength=len(idx))
    return out + b, flat, row_of


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def macro_recall(gold, pred, classes):
    recalls = []
    for c in classes:
        n = (gold == c).sum()
        if n:
            recalls.append(((gold == c) & (pred == c)).sum() / n)
    return float(np.mean(recalls))


def main():
    here = Path(__file__).resolve().parent
    root = here.parent.parent
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "data" / "tone-train"
    if not (data / "goemotions").is_dir():
        data = root.parent.parent / "shared" / "data" / "tone-train"
    train = (
        read(data / "goemotions" / "train.tsv", "en")
        + read(data / "xed" / "en.tsv", "en")
        + read(data / "dynasent" / "test.tsv", "en")
        + read(data / "xed" / "fr.tsv", "fr")
        + read(data / "allocine-fr" / "train.tsv", "fr")
    )
    held_out = read(data / "goemotions" / "dev.tsv", "en") + read(data / "dynasent" / "dev.tsv", "en") + read(
        data / "allocine-fr" / "test.tsv", "fr"
    )
    print(f"train rows {len(train)}, held-out rows {len(held_out)}", file=sys.stderr)
    indptr, cols, vals = matrix(train)
    y = np.array([r[0] for r in train])
    weight = np.array([FRENCH_WEIGHT if r[2] == "fr" else 1.0 for r in train])
    # Balance the classes in the loss.
    for c in range(CLASSES):
        share = (y == c).mean()
        weight[y == c] /= share * CLASSES
    rng = np.random.default_rng(SEED)
    W = np.zeros((BUCKETS, CLASSES))
    b = np.zeros(CLASSES)
    mW = np.zeros_like(W)
    vW = np.zeros_like(W)
    mb = np.zeros_like(b)
    vb = np.zeros_like(b)
    step = 0
    for epoch in range(EPOCHS):
        order = rng.permutation(len(train))
        for start in range(0, len(order), BATCH):
            idx = order[start : start + BATCH]
            z, flat, row_of = batch_logits(W, b, indptr, cols, vals, idx)
            p = softmax(z)
            p[np.arange(len(idx)), y[idx]] -= 1.0
            p *= weight[idx, None] / len(idx)
            gW = np.zeros_like(W)
            for k in range(CLASSES):
                gW[:, k] = np.bincount(cols[flat], weights=vals[flat] * p[row_of, k], minlength=BUCKETS)
            gW += L2 * W
            gb = p.sum(axis=0)
            step += 1
            for param, g, m, v in ((W, gW, mW, vW), (b, gb, mb, vb)):
                m *= 0.9
                m += 0.1 * g
                v *= 0.999
                v += 0.001 * g * g
                param -= LEARNING_RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
        hp, hc, hv = matrix(held_out)
        hy = np.array([r[0] for r in held_out])
        hz, _, _ = batch_logits(W, b, hp, hc, hv, np.arange(len(held_out)))
        pred = hz.argmax(axis=1)
        en = np.array([r[2] == "en" for r in held_out])
        print(
            f"epoch {epoch + 1}: held-out macro-recall en {macro_recall(hy[en], pred[en], [0, 1, 2]):.3f}"
            f" fr (neg/pos) {macro_recall(hy[~en], pred[~en], [0, 2]):.3f}",
            file=sys.stderr,
        )
    scales = np.abs(W).max(axis=0) / 127.0
    scales[scales == 0] = 1.0
    q = np.clip(np.round(W / scales), -127, 127).astype(np.int8)
    out = root / "src" / "tone" / "model" / "sentiment.bin"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as f:
        f.write(MAGIC)
        f.write(struct.pack("<HHI", VERSION, CLASSES, BUCKETS))
        f.write(struct.pack(f"<{CLASSES}f", *scales.astype(np.float32)))
        f.write(struct.pack(f"<{CLASSES}f", *b.astype(np.float32)))
        f.write(q.tobytes(order="C"))
    print(f"wrote {out} ({out.stat().st_size} bytes)", file=sys.stderr)
    # Test vectors for the Rust side: it must compute the same quantised logits.
    probe = ["This deal is insane 🔥", "Service client nul, je suis déçu", "Thanks so much, we love you all"]
    with (out.parent / "probes.tsv").open("w", encoding="utf-8") as f:
        for text in probe:
            feats = features(text)
            z = [float(b[k] + sum(v * q[c, k] * scales[k] for c, v in feats.items())) for k in range(CLASSES)]
            f.write(text + "\t" + "\t".join(f"{x:.5f}" for x in z) + "\n")


if __name__ == "__main__":
    main()
