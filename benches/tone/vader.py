"""VADER on the same tweets as Plume's tone bench: macro-recall, macro-F1, accuracy (sentiment,
standard ±0.05 compound thresholds) and offensive F1 (compound ≤ -0.5 as the offensive signal),
with time per tweet. Usage: python vader.py <data dir>"""
import re
import sys
import time

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as English

data = sys.argv[1]


ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'"}


def decode(line):
    """A tweet as it was typed: JSON escapes (\\u2019) and HTML entities (&amp;) decoded, as the
    Plume side (benches/tone/main.rs) does."""
    line = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), line)
    return re.sub(r"&(amp|lt|gt|quot|#39);", lambda m: ENTITIES[m.group(0)], line)


def lines(path):
    with open(f"{data}/{path}", encoding="utf-8") as f:
        return [decode(line) for line in f.read().split("\n")]


def metrics(gold, pred, classes):
    recall = f1 = 0.0
    for c in range(classes):
        tp = sum(1 for g, p in zip(gold, pred) if g == p == c)
        g_c = sum(1 for g in gold if g == c)
        p_c = sum(1 for p in pred if p == c)
        r = tp / g_c if g_c else 0.0
        p = tp / p_c if p_c else 0.0
        recall += r
        f1 += 2 * p * r / (p + r) if p + r else 0.0
    acc = sum(1 for g, p in zip(gold, pred) if g == p) / len(gold)
    return recall / classes, f1 / classes, acc


def label(compound):
    return 0 if compound <= -0.05 else 2 if compound >= 0.05 else 1


def sentiment(name, analyzer, text_path, label_path):
    gold = [int(x) for x in lines(label_path) if x.strip()]
    texts = lines(text_path)[: len(gold)]
    start = time.perf_counter()
    pred = [label(analyzer.polarity_scores(t)["compound"]) for t in texts]
    micros = (time.perf_counter() - start) * 1e6 / len(texts)
    r, f1, acc = metrics(gold, pred, 3)
    print(f"vader\t{name}\tn={len(texts)}\tmacro-recall={r:.3f}\tmacro-F1={f1:.3f}\taccuracy={acc:.3f}\tus/tweet={micros:.1f}")


english = English()
sentiment("TweetEval sentiment (en)", english, "tweeteval/sentiment.val_text.txt", "tweeteval/sentiment.val_labels.txt")
sentiment("XLM-T English (en)", english, "xlmt-en/en.val_text.txt", "xlmt-en/en.val_labels.txt")
try:
    from vaderSentiment_fr.vaderSentiment import SentimentIntensityAnalyzer as French

    sentiment("XLM-T French (fr)", French(), "xlmt-fr/fr.val_text.txt", "xlmt-fr/fr.val_labels.txt")
except Exception as e:  # the French port pulls extra packages; report rather than hide
    print(f"vader\tXLM-T French (fr)\tnot run: {e}")

gold = [int(x) for x in lines("tweeteval/offensive.val_labels.txt") if x.strip()]
texts = lines("tweeteval/offensive.val_text.txt")[: len(gold)]
start = time.perf_counter()
pred = [1 if english.polarity_scores(t)["compound"] <= -0.5 else 0 for t in texts]
micros = (time.perf_counter() - start) * 1e6 / len(texts)
tp = sum(1 for g, p in zip(gold, pred) if g == p == 1)
precision = tp / max(1, sum(pred))
recall = tp / max(1, sum(gold))
f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
_, macro_f1, acc = metrics(gold, pred, 2)
print(f"vader\tTweetEval offensive (en)\tn={len(texts)}\toffensive-F1={f1:.3f}\tP={precision:.3f}\tR={recall:.3f}\tmacro-F1={macro_f1:.3f}\taccuracy={acc:.3f}\tus/tweet={micros:.1f}")
