"""Query set for scripts/bench: drawn from the corpus with a fixed seed, then spelt in each engine's syntax.

A query is a dict {"kind": K, "terms": [...]}, K one of
  word    one word                                  e.g. ["wooden"]
  and     2-3 words, all required (AND)             e.g. ["plot", "acting", "boring"]
  phrase  2-3 consecutive words, as a phrase        e.g. ["special", "effects"]
  name    a person's name (2-3 words), as a phrase  e.g. ["Tom", "Hanks"]

Every term is ASCII letters only, at least 3 letters, and not a stopword, so that no engine's query
syntax or tokenizer can read it differently (no apostrophes, hyphens, digits or accents; and no
operator words: the only upper-case terms are names, which are always inside a phrase).
"""

import collections
import os
import random
import re

# Snowball's English stopword list (the one Xapian and most engines ship), plus HTML leftovers.
STOPWORDS = frozenset("""
a about above after again against all am an and any are aren as at be because been before being
below between both but by can cannot could couldn did didn do does doesn doing don down during each
few for from further had hadn has hasn have haven having he her here hers herself him himself his
how i if in into is isn it its itself let me more most mustn my myself no nor not of off on once
only or other ought our ours ourselves out over own same shan she should shouldn so some such than
that the their theirs them themselves then there these they this those through to too under until
up very was wasn we were weren what when where which while who whom why will with won would
wouldn you your yours yourself yourselves also just like get got one br nbsp quot amp http www com
""".split())

# Query-syntax operator words in any engine (kept out even though they are not all stopwords).
OPERATORS = frozenset("and or not near xor adj".split())

_TAG = re.compile(r"<[^<>]{0,40}>")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[A-Za-z]{3,}")
_CAP_RUN = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_PUNCT = "\"'`.,;:!?()[]{}*_/\\-&%$#@^~|<>=+"

# Used only when the shared first-names lists are missing.
FALLBACK_FIRST_NAMES = """
Al Alan Alec Angelina Anne Anthony Audrey Barbara Ben Bette Bill Billy Bob Brad Bruce Burt Cary
Charles Charlie Chris Christopher Clint Dan Daniel David Dennis Denzel Diane Dustin Ed Eddie
Elizabeth Emma Frank Gary Gene George Glenn Grace Harrison Helen Henry Jack James Jane Jason Jeff
Jennifer Jessica Jim Jimmy Joan Joe John Johnny Judy Julia Kate Katharine Keanu Kevin Kirk Laurence
Lee Leonardo Liam Marilyn Mark Martin Matt Meg Mel Meryl Michael Michelle Mickey Morgan Nicolas
Nicole Orson Paul Peter Richard Robert Robin Russell Sam Samuel Sandra Sean Sidney Spencer Stanley
Steve Steven Susan Sylvester Tim Tom Tommy Tony Vincent Walter Will Woody
""".split()


def is_term(word):
    return (len(word) >= 3 and word.isascii() and word.isalpha()
            and word.lower() not in STOPWORDS and word.lower() not in OPERATORS)


def clean_text(raw):
    return _SPACE.sub(" ", _TAG.sub(" ", raw))


def tokens(text):
    """Whitespace-separated tokens as (core, clean_left, clean_right): core is the token without
    surrounding punctuation, or None when what is left is not a plain ASCII word."""
    out = []
    for tok in text.split(" "):
        core = tok.strip(_PUNCT)
        if not core or not (core.isascii() and core.isalpha()):
            out.append((None, False, False))
            continue
        out.append((core, tok.startswith(core), tok.endswith(core)))
    return out


def load_first_names(names_dir):
    names = set()
    for fn in ("female-first-names-en.txt", "male-first-names-en.txt"):
        path = os.path.join(names_dir, fn) if names_dir else None
        if path and os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                names.update(line.strip() for line in f if line.strip())
    return names or set(FALLBACK_FIRST_NAMES)


def find_names(texts, first_names, top=150, min_count=5):
    """Person-like names that occur in the corpus: runs of 2-3 capitalised words starting with a first
    name, e.g. "Tom Hanks", "Robert De Niro". A first word that is more often seen in lower case
    ("Will", "May", "Hope") is skipped. Returns [(words, count)] most frequent first."""
    runs = collections.Counter()
    for text in texts:
        for m in _CAP_RUN.finditer(text):
            words = m.group(0).split(" ")
            while words and words[0].lower() in STOPWORDS:  # "The Tom Hanks film": drop "The"
                words.pop(0)
            if 2 <= len(words) <= 3 and words[0] in first_names and all(is_term(w) for w in words):
                runs[tuple(words)] += 1
    if not runs:
        return []
    candidates = {w.lower() for run in runs for w in run}
    lower = collections.Counter()
    for text in texts:
        for w in _LOWER_WORD.findall(text):
            if w in candidates:
                lower[w] += 1
    capital = collections.Counter()
    for run, n in runs.items():
        for w in run:
            capital[w] += n
    good = [(list(run), n) for run, n in runs.items()
            if n >= min_count and all(lower[w.lower()] < capital[w] for w in run)]
    good.sort(key=lambda x: (-x[1], x[0]))
    return good[:top]


def generate(files, n, seed=42, names_dir=None, mix=(0.30, 0.30, 0.25, 0.15)):
    """n distinct queries drawn from the review files (a sorted list of paths) with a fixed seed.
    mix = shares of word / and / phrase / name queries. Returns (queries, info)."""
    rng = random.Random(seed)
    texts_cache = {}

    def text(i):
        if i not in texts_cache:
            with open(files[i], encoding="utf-8", errors="replace") as f:
                texts_cache[i] = clean_text(f.read())
        return texts_cache[i]

    # Names need corpus-wide counts; a sample of up to 20,000 reviews gives them well enough.
    sample = sorted(rng.sample(range(len(files)), min(len(files), 20000)))
    names = find_names([text(i) for i in sample], load_first_names(names_dir))
    texts_cache.clear()

    want = {"word": 0, "and": 0, "phrase": 0, "name": 0}
    kinds = list(want)
    for k, share in zip(kinds, mix):
        want[k] = int(round(n * share))
    if not names:
        want["phrase"] += want["name"]
        want["name"] = 0
    want["word"] += n - sum(want.values())

    seen = set()
    queries = []

    def add(kind, terms):
        key = (kind, tuple(t.lower() for t in terms))
        if key in seen:
            return False
        seen.add(key)
        queries.append({"kind": kind, "terms": list(terms)})
        return True

    def eligible_words(toks):
        return [c.lower() for c, _, _ in toks if c is not None and is_term(c)]

    for kind in ("word", "and", "phrase"):
        got, attempts = 0, 0
        while got < want[kind] and attempts < want[kind] * 200:
            attempts += 1
            toks = tokens(text(rng.randrange(len(files))))
            if kind == "word":
                words = eligible_words(toks)
                if words and add("word", [rng.choice(words)]):
                    got += 1
            elif kind == "and":
                words = sorted(set(eligible_words(toks)))
                k = rng.choice((2, 2, 3))
                if len(words) >= k and add("and", rng.sample(words, k)):
                    got += 1
            else:
                k = rng.choice((2, 2, 3))
                starts = []
                for s in range(len(toks) - k + 1):
                    win = toks[s:s + k]
                    if all(c is not None and is_term(c) for c, _, _ in win) \
                            and all(r for _, _, r in win[:-1]) and all(l for _, l, _ in win[1:]):
                        starts.append(s)
                if starts:
                    s = rng.choice(starts)
                    if add("phrase", [c.lower() for c, _, _ in toks[s:s + k]]):
                        got += 1
    for _ in range(want["name"]):
        for _attempt in range(50):
            if add("name", rng.choice(names)[0]):
                break
        else:  # fewer distinct names than name queries: repeat one
            queries.append({"kind": "name", "terms": rng.choice(names)[0]})
    rng.shuffle(queries)
    info = {"seed": seed, "mix": dict(want), "names_found": len(names),
            "names_top": [" ".join(w) for w, _ in names[:20]]}
    return queries, info


# ---- spelling per engine ---------------------------------------------------------------------

def is_phrase(q):
    return q["kind"] in ("phrase", "name")


def to_lucene(q):  # classic QueryParser, default operator OR
    if is_phrase(q):
        return '"%s"' % " ".join(q["terms"])
    if len(q["terms"]) == 1:
        return q["terms"][0]
    return " ".join("+" + t for t in q["terms"])


def to_fts5(q):  # every token quoted so FTS5 syntax characters or keywords cannot break the query
    if is_phrase(q):
        return '"%s"' % " ".join(q["terms"])
    return " AND ".join('"%s"' % t for t in q["terms"])


def to_quest(q):  # Xapian QueryParser with quest's default operator (OR): spell AND out
    if is_phrase(q):
        return '"%s"' % " ".join(q["terms"])
    return " AND ".join(q["terms"])


def to_reel(q):  # Xapian QueryParser syntax, AND is reel's default operator
    if is_phrase(q):
        return '"%s"' % " ".join(q["terms"])
    return " ".join(q["terms"])


def sql_string(s):
    return "'" + s.replace("'", "''") + "'"
