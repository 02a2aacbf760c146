#!/usr/bin/env python3
"""Learns how Korean given-name syllables are spelled in English from real name pairs.

Reads ../shared/data/korean-name-pairs.tsv (Wikidata English labels and Hangul labels, CC0; the evaluation
sets' names are removed from it) and writes Data/romanization/korean-syllable-spellings.tsv: for each Hangul
syllable, the spellings English-language sources gave it in Korean people's given names, with their counts.

A pair is used when it is a Korean name the alignment is sure of: 2-4 Hangul syllables with no space, an English
name of two or three tokens, one of which is a known spelling of the Hangul surname (Data/romanization/
korean-surnames.txt), and a given name split by hyphens or spaces into as many pieces as it has syllables
("Jong-duck" for 종덕). Unsplit given names ("Jongduck") are segmented only where the spellings learned from split
ones allow exactly one split. A spelling is kept when it was seen at least 3 times and is at least 3 % of its
syllable's spellings.

It also writes Data/romanization/korean-jamo-spellings.tsv, the same counts per letter (jamo) of the syllables:
each aligned spelling split into its leading consonants, vowel letters and trailing consonants ("duck" = d + u +
ck for ㄷ + ㅓ + ㄱ; a vowel after the silent ㅇ apart, as it spells its own glide: "woo" for 우), so a syllable the names never show is spelled as its letters are.

Run from the repository root: python3 Scripts/learn_korean_spellings.py [PAIRS]
"""
import collections
import re
import sys
import unicodedata

PAIRS = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/korean-name-pairs.tsv"
OUT = "Data/romanization/korean-syllable-spellings.tsv"
JAMO_OUT = "Data/romanization/korean-jamo-spellings.tsv"
MIN_COUNT, MIN_SHARE = 3, 0.03


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isascii() and c.isalpha()).lower()


surnames = {}
for line in open("Data/romanization/korean-surnames.txt", encoding="utf-8"):
    if line.startswith("#") or "\t" not in line:
        continue
    hangul, spellings = line.rstrip("\n").split("\t", 1)
    surnames[hangul] = {fold(s) for s in spellings.split()}


def split_name(english, hangul):
    """(given syllables, given English pieces or one unsplit token) for a Korean name, else None."""
    tokens = english.split()
    if len(tokens) not in (2, 3):
        return None
    for length in (2, 1):
        surname = hangul[:length]
        if surname not in surnames or len(hangul) - length < 1:
            continue
        given = hangul[length:]
        # Family name first ("Kim Jong-duck") or last ("Jong-duck Kim").
        for family_index, rest in ((0, tokens[1:]), (len(tokens) - 1, tokens[:-1])):
            if fold(tokens[family_index]) not in surnames[surname]:
                continue
            pieces = [fold(p) for p in re.split(r"[-\s]+", " ".join(rest)) if fold(p)]
            if not pieces or any(not re.fullmatch(r"[a-z]+", p) for p in pieces):
                return None
            return given, pieces
    return None


pairs = []
for line in open(PAIRS, encoding="utf-8"):
    fields = line.rstrip("\n").split("\t")
    if len(fields) != 2 or not re.fullmatch(r"[\uac00-\ud7a3]{2,4}", fields[1]):
        continue
    split = split_name(fields[0], fields[1])
    if split:
        pairs.append(split)

counts = collections.defaultdict(collections.Counter)
unsplit = []
for given, pieces in pairs:
    if len(pieces) == len(given):
        for syllable, piece in zip(given, pieces):
            counts[syllable][piece] += 1
    elif len(pieces) == 1 and len(given) == 2:
        unsplit.append((given, pieces[0]))

# Unsplit two-syllable given names, where the split-learned spellings allow exactly one split.
for given, word in unsplit:
    splits = [(word[:i], word[i:]) for i in range(1, len(word))
              if counts[given[0]][word[:i]] >= MIN_COUNT and counts[given[1]][word[i:]] >= MIN_COUNT]
    if len(splits) == 1:
        counts[given[0]][splits[0][0]] += 1
        counts[given[1]][splits[0][1]] += 1

rows = []
for syllable in sorted(counts):
    total = sum(counts[syllable].values())
    kept = [(s, n) for s, n in counts[syllable].most_common() if n >= MIN_COUNT and n / total >= MIN_SHARE]
    if kept:
        rows.append(syllable + "\t" + "\t".join(f"{s} {n}" for s, n in kept))

# Per letter: the initial consonant, the vowel and the final consonant of each aligned syllable.
INITIALS = [chr(0x1100 + i) for i in range(19)]
VOWELS = [chr(0x1161 + i) for i in range(21)]
FINALS = [""] + [chr(0x11A8 + i) for i in range(27)]
jamo = collections.defaultdict(collections.Counter)
for syllable, spellings in counts.items():
    index = ord(syllable) - 0xAC00
    initial, vowel, final = INITIALS[index // 588], VOWELS[index % 588 // 28], FINALS[index % 28]
    for spelling, n in spellings.items():
        m = re.fullmatch(r"([bcdfghjklmnpqrstvxz]*)([aeiouwy]+)([bcdfghjklmnpqrstvxz]*)", spelling)
        if not m:
            continue
        jamo["I" + initial][m.group(1)] += n
        # A vowel after the silent ㅇ spells its own glide ("woo" for 우): counted apart from one after a consonant.
        jamo[("O" if initial == "\u110B" else "V") + vowel][m.group(2)] += n
        jamo["F" + (final or "-")][m.group(3)] += n

jamo_rows = []
for letter in sorted(jamo):
    total = sum(jamo[letter].values())
    kept = [(s or "-", n) for s, n in jamo[letter].most_common() if n >= MIN_COUNT and n / total >= MIN_SHARE]
    if kept:
        jamo_rows.append(letter[0] + "\t" + (letter[1:] or "-") + "\t" + "\t".join(f"{s} {n}" for s, n in kept))
with open(JAMO_OUT, "w", encoding="utf-8") as out:
    out.write("# How the letters (jamo) of Korean given-name syllables are spelled in English, from the same aligned pairs as\n"
              "# korean-syllable-spellings.tsv (Scripts/learn_korean_spellings.py; Wikidata labels, CC0): each aligned\n"
              "# syllable's spelling split into leading consonants, vowel letters and trailing consonants.\n"
              "# Format: I (initial), V (vowel after a consonant), O (vowel after the silent ㅇ) or F (final) TAB the jamo (- for no final) TAB spelling SPACE count, TAB-separated;\n"
              "# the spelling - is none (a silent ㅇ, no final). Generated: do not edit by hand.\n")
    out.write("\n".join(jamo_rows) + "\n")

with open(OUT, "w", encoding="utf-8") as out:
    out.write("# How Korean given-name syllables are spelled in English: for each Hangul syllable, the spellings seen in\n"
              "# Korean people's English names and how often, most usual first. Learned by Scripts/learn_korean_spellings.py\n"
              f"# from {len(pairs)} aligned Wikidata name pairs (English and Hangul labels, CC0, via\n"
              "# steveash/NETransliteration-COLING2018); a spelling is kept when seen 3 times and 3 % of its syllable's.\n"
              "# Format: syllable TAB spelling SPACE count, TAB-separated. Generated: do not edit by hand.\n")
    out.write("\n".join(rows) + "\n")
print(f"{len(pairs)} aligned pairs, {len(unsplit)} unsplit; {len(rows)} syllables written to {OUT}, "
      f"{len(jamo_rows)} letters to {JAMO_OUT}")
