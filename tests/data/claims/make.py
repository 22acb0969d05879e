#!/usr/bin/env python3
"""Builds tests/data/claims/corpus.jsonl and gold.tsv from real sentences (see README.md).

Usage: python3 make.py [PROVGRAPH]   (run from anywhere; needs ../../../../shared or /work/shared)

Each picked sentence is a real "<content>, <Source> said." line of the newswire benchmark or the
eval articles. It becomes one claim group relayed by three documents worded differently, and a
look-alike (one fact changed: another number, another name, a negation added or taken away)
relayed by two documents of its own. With PROVGRAPH given, documents in which provgraph finds
no attribution with content are dropped (claims start from attributions).
"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile

SHARED = "/work/shared"
HERE = os.path.dirname(os.path.abspath(__file__))
GROUPS = 60
PUBLISHERS = ["Reuters", "AP", "AFP", "Xinhua", "BBC", "CNN", "The Guardian", "Al Jazeera"]
# Reported speech moves the verb back a tense; a relay often does it.
BACKSHIFT = {"is": "was", "are": "were", "will": "would", "has": "had", "have": "had",
             "can": "could", "may": "might"}
AUXILIARIES = ["is", "are", "was", "were", "will", "would", "has", "have", "had", "can",
               "could", "should", "must"]
SENTENCE = re.compile(
    r"^([^\"“”]{60,230}?), (?:the )?([A-Z][A-Za-z.' -]{2,40}?) (?:said|says|told reporters)\.$")


def sentences():
    """(document, content, source) of every "<content>, <Source> said." sentence."""
    found = []

    def add(doc, text):
        for para in text.split("\n"):
            for s in re.split(r'(?<=[.!?])\s+(?=[A-Z"“])', para.strip()):
                m = SENTENCE.match(s.strip())
                nested = re.search(r"\b(said|says|told|according)\b", m.group(1)) if m else True
                if m and not nested and not re.search(r"\b(he|she|they|it)\b", m.group(2), re.I):
                    found.append((doc, m.group(1), m.group(2)))

    with open(os.path.join(SHARED, "bench/newswire.jsonl")) as f:
        for line in f:
            record = json.loads(line)
            add(record["id"], record["text"])
    for sub in ["dev", "dev2"]:
        folder = os.path.join(SHARED, "eval", sub, "articles")
        for name in sorted(os.listdir(folder)):
            if name.endswith(".txt"):
                with open(os.path.join(folder, name)) as f:
                    add(name, f.read())
    return found


NAMES = set()


def lower_first(text):
    """The first letter in lower case, unless the first word is a name (capitalised within
    some sentence too) or an acronym."""
    first = text.split(" ")[0]
    if first in NAMES or first[:2].isupper():
        return text
    return text[0].lower() + text[1:]


def backshift(text):
    return re.sub(r"\b(\w+)\b", lambda m: BACKSHIFT.get(m.group(1), m.group(1)), text)


def swap_clauses(text):
    """"A, and B" becomes "B, and A" (the clauses reordered); else None."""
    parts = text.split(", and ")
    if len(parts) != 2:
        return None
    a, b = parts
    return b[0].upper() + b[1:] + ", and " + lower_first(a)


def drop_words(text, rng):
    """One or two lower-case words of four letters or more left out (a small edit)."""
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if re.fullmatch(r"[a-z]{4,}", w) and i > 0]
    for i in sorted(rng.sample(candidates, min(len(candidates), rng.choice([1, 2]))), reverse=True):
        del words[i]
    return " ".join(words)


# Words a relay may put in the place of the source's (a paraphrase).
SYNONYMS = {"said": "stated", "killed": "left dead", "people": "persons", "country": "nation",
            "government": "authorities", "announced": "made public", "help": "assist",
            "started": "began", "big": "large", "large": "big", "attack": "assault",
            "talks": "negotiations", "meeting": "talks", "expected": "likely", "need": "require",
            "needs": "requires", "show": "demonstrate", "shows": "demonstrates",
            "important": "key", "increase": "rise", "buy": "purchase", "also": "as well",
            "about": "around", "more than": "over", "percent": "per cent", "because": "as",
            "however": "but", "began": "started", "reached": "hit", "nearly": "almost"}


def paraphrase(text):
    """Words the relay's own: synonyms where it has them."""
    return re.sub(r"\b(" + "|".join(map(re.escape, SYNONYMS)) + r")\b",
                  lambda m: SYNONYMS[m.group(1)], text)


def shortened(text):
    """The first clause only, when it keeps most of the words (relays shorten); else None."""
    head = text.rsplit(", ", 1)[0]
    return head if len(head.split()) >= 0.6 * len(text.split()) and head != text else None


def framings(content, source, rng):
    """The statement as relays word it: quoted, "according to", "told", edited, paraphrased,
    shortened."""
    edited = swap_clauses(content) or drop_words(content, rng)
    short = shortened(content) or drop_words(content, rng)
    return [
        f"{content}, {source} said.",
        f"{source} said {lower_first(paraphrase(backshift(content)))}.",
        f"{short}, {source} said.",
        f"\"{content},\" {source} said.",
        f"According to {source}, {lower_first(backshift(content))}.",
        f"{source} told reporters that {lower_first(backshift(content))}.",
        f"{edited}, {source} said on Friday.",
        f"{source} said {lower_first(edited)}.",
    ]


def look_alike(content, names, rng):
    """The statement with one fact changed, and how; None when nothing can be changed."""
    numbers = re.findall(r"\b\d+(?:\.\d+)?\b", content)
    own = [w for w in re.findall(r"(?<!^)(?<![.] )\b([A-Z][a-z]{3,})\b", content)]
    changes = []
    if numbers:
        n = rng.choice(numbers)
        other = str(int(float(n)) * 2 + 3) if "." not in n else n.replace(".", ".9", 1)
        changes.append(("number", re.sub(rf"\b{re.escape(n)}\b", other, content, count=1)))
    if own:
        name = rng.choice(own)
        other = rng.choice([m for m in names if m != name])
        changes.append(("name", re.sub(rf"\b{name}\b", other, content, count=1)))
    for aux in AUXILIARIES:
        if re.search(rf"\b{aux} not\b", content):
            changes.append(("negation", re.sub(rf"\b{aux} not\b", aux, content, count=1)))
            break
        if re.search(rf"\b{aux}\b", content):
            changes.append(("negation", re.sub(rf"\b{aux}\b", f"{aux} not", content, count=1)))
            break
    return rng.choice(changes) if changes else None


def main():
    rng = random.Random(18)
    found = sentences()
    names = sorted({w for _, c, _ in found for w in re.findall(r"(?<!^)\b([A-Z][a-z]{4,})\b", c)})
    NAMES.update(w for _, c, _ in found for w in re.findall(r"(?<=[a-z,] )([A-Z]\w+)", c))
    rng.shuffle(found)
    picked, seen = [], set()
    for doc, content, source in found:
        key = content[:40]
        if doc in seen or key in seen:
            continue
        change = look_alike(content, names, rng)
        if change is None:
            continue
        seen.update([doc, key])
        picked.append((doc, content, source, change))
        if len(picked) == GROUPS:
            break
    records, gold = [], []
    for g, (doc, content, source, (how, changed)) in enumerate(picked, 1):
        texts = framings(content, source, rng)
        chosen = [texts[0]] + rng.sample(texts[1:], 3)
        # Only framings that keep every word: a shortened one might leave the change out.
        alike = rng.sample([framings(changed, source, rng)[i] for i in (0, 1, 3, 4, 5)], 2)
        for n, text in enumerate(chosen + alike):
            group = f"g{g:02}" if n < 4 else f"g{g:02}-{how}"
            day = 10 + n
            records.append({"id": f"c{g:02}-{n}", "date": f"2024-05-{day:02}",
                            "publisher": rng.choice(PUBLISHERS), "text": text + "\n",
                            "from": doc})
            gold.append((f"c{g:02}-{n}", group))
    if len(sys.argv) > 1:
        records, gold = keep_analysed(records, gold, sys.argv[1])
    with open(os.path.join(HERE, "corpus.jsonl"), "w") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "gold.tsv"), "w") as f:
        f.write("# document\tgroup (documents of a group make one statement; -number, -name,\n")
        f.write("# -negation: the look-alike of group gNN with that fact changed)\n")
        for doc, group in gold:
            f.write(f"{doc}\t{group}\n")
    print(f"{len(records)} documents, {len({g for _, g in gold})} groups", file=sys.stderr)


def keep_analysed(records, gold, provgraph):
    """The documents in which provgraph finds exactly one attribution, with content."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "in.jsonl")
        with open(path, "w") as f:
            for record in records:
                f.write(json.dumps(record) + "\n")
        out = subprocess.run([provgraph, "build", path], check=True, capture_output=True).stdout
    graph = json.loads(out)
    count = {}
    for a in graph["attributions"]:
        if a["content"]:
            count[a["document"]] = count.get(a["document"], 0) + 1
    keep = {doc for doc, n in count.items() if n == 1}
    dropped = [r["id"] for r in records if r["id"] not in keep]
    print(f"dropped (no single attribution with content): {dropped}", file=sys.stderr)
    return [r for r in records if r["id"] in keep], [g for g in gold if g[0] in keep]


if __name__ == "__main__":
    main()
