#!/usr/bin/python3
"""Build a German news corpus of a requested size for benchmarks.

Usage: bench/make_corpus.py OUT_DIR SIZE_MB [SOURCE_DIR ...]

Takes every .txt article under examples/ and the SOURCE_DIRs (for example
../shared/seeds), and writes OUT_DIR/NNNNNN.txt files of about 50 KB, each a
deterministic shuffle of whole articles separated by blank lines, until
SIZE_MB megabytes (10^6 bytes) are written.  The same arguments always give
the same corpus.  Standard library only.
"""
import os
import random
import sys


def articles(dirs):
    found = []
    for d in dirs:
        for root, subdirs, files in os.walk(d):
            subdirs.sort()
            for name in sorted(files):
                if name.endswith('.txt'):
                    with open(os.path.join(root, name), 'rb') as f:
                        found.append(f.read().strip() + b'\n')
    return found


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out, size = sys.argv[1], int(float(sys.argv[2]) * 1e6)
    here = os.path.dirname(os.path.abspath(__file__))
    texts = articles([os.path.join(here, '..', 'examples')] + sys.argv[3:])
    if not texts:
        sys.exit('make_corpus: no .txt articles found')
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20241028)
    written, n = 0, 0
    while written < size:
        chunk, length = [], 0
        while length < 50_000:
            t = texts[rng.randrange(len(texts))]
            chunk.append(t)
            length += len(t) + 1
        data = b'\n'.join(chunk)
        with open(os.path.join(out, '%06d.txt' % n), 'wb') as f:
            f.write(data)
        written += len(data)
        n += 1
    print('make_corpus: %d files, %.1f MB in %s' % (n, written / 1e6, out))


if __name__ == '__main__':
    main()
