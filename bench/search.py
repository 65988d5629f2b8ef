"""The in-memory search index on 5,000 generated FAQ entries.

Entries are generated deterministically (random.Random(seed)): a Zipf-like
vocabulary of ~3,100 words (real FAQ words, ~25 accented ones, syllable
words), 150-600 words each in paragraphs and lists, titles as questions.

Prints the cold build time (first build in the process, then the median of
three more; wall clock and CPU time, as the machine is shared), the index's
memory (tracemalloc, and the index's own count), warm search p50/p99 over
1,000 mixed queries (single words, 2-3 words, quoted phrases, plurals,
accents, no match), and, measured in the same run on the same queries, a
naive linear scan of the plain texts as the baseline.

    .venv/bin/python -m bench.search [--entries 5000] [--seed 7]
"""
import argparse
import gc
import os
import random
import statistics
import sys
import time
import tracemalloc
import unicodedata
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from chalicelib import content, models  # noqa: E402

BASE = datetime(2020, 1, 1, tzinfo=timezone.utc)
SYLLABLES = ('ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ber', 'con', 'dex',
             'fal', 'gor', 'han', 'jun', 'kel', 'lam', 'mor', 'nis', 'pol', 'quen',
             'ras', 'sen', 'tor', 'ul', 'ven', 'wil', 'yar', 'zen', 'ost')
REAL = ('exam certificate fee payment refund schedule candidate course class quiz '
        'category study guide question answer practice test score result deadline '
        'registration account login password email support policy retake attempt '
        'module lesson video book material discount voucher renewal credit hour '
        'employer invoice receipt tax country language online center proctor '
        'identity photo calendar month week day time review pass fail grade '
        'accounting finance audit management analyst professional member').split()
ACCENTED = ('café résumé naïve façade déjà crème brûlée São Paulo Zürich Māori '
            'Ångström jalapeño piñata coöperate señor über Montréal Québec '
            'Bogotá Málaga Kraków Besançon Genève').split()
FUNCTION = ('the a an of to in and for on with is are be can you your it this '
            'that by at or from as will not if we our').split()
TITLE_FORMS = ('How do I {v} my {n}?', 'What is the {n} {m}?', 'Can I {v} the {n} {m}?',
               'When is the {n} {m} due?', 'Why was my {n} {v}ed?',
               'Where can I find the {n} {m}?', 'Is there a {n} for {m}s?')


def vocabulary(rng, size=3000):
    words = set()
    while len(words) < size:
        words.add(''.join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return REAL + ACCENTED + sorted(words)


class Generator:
    """Zipf-distributed words, so that a few words are everywhere, most rare."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.words = vocabulary(self.rng)
        self.cumulative = []
        total = 0.0
        for rank in range(len(self.words)):
            total += 1 / (rank + 1) ** 0.9
            self.cumulative.append(total)

    def word(self):
        rng = self.rng
        if rng.random() < 0.35:
            return rng.choice(FUNCTION)
        word = rng.choices(self.words, cum_weights=self.cumulative)[0]
        return word + 's' if rng.random() < 0.1 else word

    def sentence(self):
        words = [self.word() for _ in range(self.rng.randint(6, 18))]
        return words[0].capitalize() + ' ' + ' '.join(words[1:]) + '.'

    def body(self):
        target, used, blocks = self.rng.randint(150, 600), 0, []
        while used < target:
            sentences = [self.sentence() for _ in range(self.rng.randint(2, 5))]
            used += sum(len(s.split()) for s in sentences)
            if self.rng.random() < 0.15:
                blocks.append('<ul>%s</ul>' % ''.join('<li>%s</li>' % s for s in sentences))
            else:
                text = ' '.join(sentences).replace(' and ', ' &amp; ', 1)
                blocks.append('<p>%s</p>' % text)
        return '\n'.join(blocks)

    def title(self):
        form = self.rng.choice(TITLE_FORMS)
        return form.format(v=self.rng.choice(self.words[:80]), n=self.word(), m=self.word())

    def entry(self, number):
        body = self.body()
        return models.FaqEntry(
            id=number, slug='faq-%d' % number, title=self.title(), content=body,
            description=content.truncate_words(content.plain_text(body)),
            status='publish', categories=('cat-%d' % (number % 12),),
            created=BASE + timedelta(hours=number * 7))


def plural(word):
    if word.endswith(('s', 'x', 'ch', 'sh', 'z')):
        return word + 'es'
    if word.endswith('y') and word[-2:-1] not in 'aeiou':
        return word[:-1] + 'ies'
    return word + 's'


def ascii_folded(word):
    decomposed = unicodedata.normalize('NFKD', word)
    return ''.join(c for c in decomposed if not unicodedata.combining(c))


def make_queries(gen, texts, count=1000):
    """A mix: single words, 2-3 words, phrases, plurals, accents, no-match."""
    rng, queries = random.Random(99), []
    kinds = ('single', 'two-three', 'phrase', 'plural', 'accent', 'no-match')
    for number in range(count):
        kind = kinds[number % len(kinds)]
        words = rng.choice(texts).split()
        at = rng.randrange(max(1, len(words) - 4))
        if kind == 'single':
            query = gen.word()
        elif kind == 'two-three':
            query = ' '.join(w.strip('.,') for w in words[at:at + 40:13][:rng.randint(2, 3)])
        elif kind == 'phrase':
            query = '"%s"' % ' '.join(w.strip('.,') for w in words[at:at + rng.randint(2, 3)])
        elif kind == 'plural':
            query = plural(rng.choice(gen.words[:400]))
        elif kind == 'accent':
            word = rng.choice(ACCENTED)
            query = word.upper() if rng.random() < .5 else ascii_folded(word)
        else:
            query = 'qqxv%d zzyq' % number
        queries.append((kind, query))
    return queries


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def ms(seconds):
    return '%.3f' % (seconds * 1000)


def timed(call, items, clock=time.perf_counter):
    times = []
    for item in items:
        started = clock()
        call(item)
        times.append(clock() - started)
    return times


def naive_lower(texts, terms):
    """The baseline as asked: ``term in text.lower()`` over every text."""
    return [n for n, text in enumerate(texts) if all(t in text.lower() for t in terms)]


def naive_prelowered(lowered, terms):
    """The same scan with the lowercasing done once, in advance."""
    return [n for n, text in enumerate(lowered) if all(t in text for t in terms)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--entries', type=int, default=5000)
    parser.add_argument('--seed', type=int, default=7)
    args = parser.parse_args()

    load = os.getloadavg()[0]
    gen = Generator(args.seed)
    entries = [gen.entry(n) for n in range(1, args.entries + 1)]
    texts = [content.plain_text(e.content) for e in entries]
    words = sum(len(t.split()) for t in texts)

    started = time.perf_counter()
    from chalicelib.site.search import SearchIndex
    imported = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    index = SearchIndex.build(entries)
    cold, cold_cpu = time.perf_counter() - started, time.process_time() - cpu
    rebuilds = []
    for _ in range(3):
        started, cpu = time.perf_counter(), time.process_time()
        SearchIndex.build(entries)
        rebuilds.append((time.perf_counter() - started, time.process_time() - cpu))

    del index
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    index = SearchIndex.build(entries)
    gc.collect()
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    retained -= before

    queries = make_queries(gen, texts)
    for _, query in queries:                 # warm
        index.search(query)
    times = timed(lambda kq: index.search(kq[1]), queries)
    cpu_times = timed(lambda kq: index.search(kq[1]), queries, time.process_time)
    hits = sum(1 for _, q in queries if index.search(q).total)

    scan_terms = [[w.strip('"').lower() for w in q.split() if w.strip('"')] for _, q in queries]
    lowered = [t.lower() for t in texts]
    # every 5th query only: lowercasing every text for every query is slow
    base_lower = timed(lambda terms: naive_lower(texts, terms), scan_terms[::5])
    base_pre = timed(lambda terms: naive_prelowered(lowered, terms), scan_terms)

    print('load average before/after: %.2f / %.2f (2 cores)' % (load, os.getloadavg()[0]))
    print('Python %s; %d entries, %d words, %d distinct terms, content HTML %.1f MB'
          % (sys.version.split()[0], len(entries), words, len(index._terms),
             sum(len(e.content) for e in entries) / 1e6))
    print('import chalicelib.site.search     %8s ms' % ms(imported))
    print('build (cold, first in process)    %8s ms  (CPU %s ms)' % (ms(cold), ms(cold_cpu)))
    print('build (median of 3 more)          %8s ms  (CPU %s ms)' % (
        ms(statistics.median(r[0] for r in rebuilds)),
        ms(statistics.median(r[1] for r in rebuilds))))
    print('memory retained by index          %8.1f MB (tracemalloc; peak during build %.1f MB)'
          % (retained / 1e6, peak / 1e6))
    print('memory, index own count           %8.1f MB (sys.getsizeof, object by object)'
          % (index.size_bytes() / 1e6))
    print('plain texts alone, for scale      %8.1f MB (sys.getsizeof of the %d str)'
          % (sum(map(sys.getsizeof, texts)) / 1e6, len(texts)))
    print('%d warm queries, %d with results, limit 20 with snippets (wall clock, then CPU):'
          % (len(queries), hits))
    print('  search                p50 %8s ms  p99 %8s ms  max %8s ms'
          % (ms(percentile(times, .5)), ms(percentile(times, .99)), ms(max(times))))
    print('  search, CPU time      p50 %8s ms  p99 %8s ms  (time.process_time)'
          % (ms(percentile(cpu_times, .5)), ms(percentile(cpu_times, .99))))
    for kind in ('single', 'two-three', 'phrase', 'plural', 'accent', 'no-match'):
        subset = [t for (k, _), t in zip(queries, times) if k == kind]
        print('    %-19s p50 %8s ms  p99 %8s ms' % (
            kind, ms(percentile(subset, .5)), ms(percentile(subset, .99))))
    for label, base in (('baseline: term in text.lower()*', base_lower),
                        ('baseline: pre-lowered texts', base_pre)):
        print('  %-30s p50 %8s ms  p99 %8s ms  (%.0fx the search p50)' % (
            label, ms(percentile(base, .5)), ms(percentile(base, .99)),
            percentile(base, .5) / percentile(times, .5)))
    print('  * over every 5th query (%d); the scans match raw substrings, AND, '
          'no ranking, accents or snippets' % len(base_lower))
    print('target: warm search p50 at most 5 ms: %s'
          % ('met' if percentile(times, .5) <= 0.005 else 'MISSED'))


if __name__ == '__main__':
    main()
