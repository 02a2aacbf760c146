#!/usr/bin/env python3
"""Benchmark data for Scripts/bench.py: a gazetteer of N invented entities and an MT-style corpus that mentions them.

    python3 Scripts/gen_bench_data.py N OUTDIR [--corpus-mb MB] [--seed S]

writes OUTDIR/gazetteer.jsonl (Onoma's gazetteer format, Data/README.md) and OUTDIR/corpus.txt and
OUTDIR/corpus.jsonl (the same text: paragraphs of a text file, and one {"id", "text"} object a line).

Every name is invented here from syllable tables written for this script (no name is taken from the evaluation data
or from Data/gazetteer): persons with Chinese (zh), Japanese (ja, kanji with its kana reading), Korean (ko, Hangul)
or Russian (ru, Cyrillic) native-script aliases and an English canonical name; places with a zh or ja alias;
organizations with an English name and an acronym. The corpus is mostly ordinary English news prose; about one
sentence in two mentions an entity, written as machine translation writes it: the canonical name, the pinyin of the
Chinese name in Chinese order or with separate syllables, a Japanese name family name first, a Korean name in
Revised Romanization, a Russian name in another romanization, a one-letter misspelling, or the family name alone.

Deterministic: the same N, MB and seed give the same bytes (Python's random.Random with a fixed seed; no hashing
of str, no dict order that depends on it). One million entities (157 MB) and a 2 MB corpus take about 33 s of CPU.

>>> import io, json
>>> g = io.StringIO(); ents = write_gazetteer(g, 200, random.Random(1))
>>> lines = g.getvalue().splitlines()
>>> len(lines), len(ents), len({json.loads(l)["id"] for l in lines})
(200, 200, 200)
>>> sorted({json.loads(l)["type"] for l in lines})
['organization', 'person', 'place']
>>> all(a["lang"] in ("zh", "ja", "ko", "ru") for l in lines for a in json.loads(l).get("aliases", []) if "lang" in a)
True
>>> c = io.StringIO(); n = write_corpus(c, None, ents, 20_000, random.Random(2))
>>> 20_000 <= len(c.getvalue().encode()) < 30_000
True
>>> g2 = io.StringIO(); _ = write_gazetteer(g2, 200, random.Random(1)); g2.getvalue() == g.getvalue()
True
"""
import argparse
import json
import os
import random
import sys
import time

# --- syllable tables (invented for this script) -------------------------------------------------------------------

# Chinese: characters with their pinyin (tone marks dropped) and Wade–Giles, as MT of older sources spells them.
ZH_FAMILY = [("王", "wang", "wang"), ("李", "li", "li"), ("张", "zhang", "chang"), ("刘", "liu", "liu"),
             ("陈", "chen", "chen"), ("杨", "yang", "yang"), ("黄", "huang", "huang"), ("赵", "zhao", "chao"),
             ("吴", "wu", "wu"), ("周", "zhou", "chou"), ("徐", "xu", "hsu"), ("孙", "sun", "sun"),
             ("马", "ma", "ma"), ("朱", "zhu", "chu"), ("胡", "hu", "hu"), ("郭", "guo", "kuo"), ("何", "he", "ho"),
             ("高", "gao", "kao"), ("罗", "luo", "lo"), ("郑", "zheng", "cheng"), ("梁", "liang", "liang"),
             ("谢", "xie", "hsieh"), ("宋", "song", "sung"), ("唐", "tang", "tang"), ("韩", "han", "han"),
             ("冯", "feng", "feng"), ("邓", "deng", "teng"), ("曹", "cao", "tsao"), ("彭", "peng", "peng"),
             ("曾", "zeng", "tseng"), ("田", "tian", "tien"), ("董", "dong", "tung"), ("潘", "pan", "pan"),
             ("蒋", "jiang", "chiang"), ("蔡", "cai", "tsai"), ("魏", "wei", "wei"), ("吕", "lyu", "lu"),
             ("丁", "ding", "ting"), ("沈", "shen", "shen"), ("姚", "yao", "yao"), ("卢", "lu", "lu"),
             ("崔", "cui", "tsui"), ("钟", "zhong", "chung"), ("谭", "tan", "tan"), ("范", "fan", "fan"),
             ("金", "jin", "chin"), ("廖", "liao", "liao"), ("夏", "xia", "hsia"), ("方", "fang", "fang"),
             ("白", "bai", "pai"), ("孟", "meng", "meng"), ("秦", "qin", "chin"), ("邱", "qiu", "chiu"),
             ("薛", "xue", "hsueh"), ("段", "duan", "tuan"), ("雷", "lei", "lei"), ("龙", "long", "lung"),
             ("陶", "tao", "tao"), ("贺", "he", "ho"), ("顾", "gu", "ku"), ("毛", "mao", "mao"), ("严", "yan", "yen")]
ZH_GIVEN = [("伟", "wei", "wei"), ("芳", "fang", "fang"), ("明", "ming", "ming"), ("强", "qiang", "chiang"),
            ("华", "hua", "hua"), ("建", "jian", "chien"), ("国", "guo", "kuo"), ("平", "ping", "ping"),
            ("海", "hai", "hai"), ("波", "bo", "po"), ("宇", "yu", "yu"), ("浩", "hao", "hao"), ("文", "wen", "wen"),
            ("志", "zhi", "chih"), ("军", "jun", "chun"), ("勇", "yong", "yung"), ("杰", "jie", "chieh"),
            ("涛", "tao", "tao"), ("辉", "hui", "hui"), ("鹏", "peng", "peng"), ("静", "jing", "ching"),
            ("丽", "li", "li"), ("敏", "min", "min"), ("磊", "lei", "lei"), ("超", "chao", "chao"),
            ("刚", "gang", "kang"), ("玲", "ling", "ling"), ("红", "hong", "hung"), ("春", "chun", "chun"),
            ("晓", "xiao", "hsiao"), ("东", "dong", "tung"), ("新", "xin", "hsin"), ("德", "de", "te"),
            ("荣", "rong", "jung"), ("林", "lin", "lin"), ("安", "an", "an"), ("庆", "qing", "ching"),
            ("俊", "jun", "chun"), ("泽", "ze", "tse"), ("嘉", "jia", "chia"), ("怡", "yi", "yi"),
            ("轩", "xuan", "hsuan"), ("云", "yun", "yun"), ("峰", "feng", "feng"), ("彬", "bin", "pin"),
            ("琳", "lin", "lin"), ("振", "zhen", "chen"), ("斌", "bin", "pin"), ("松", "song", "sung")]
# Japanese: kanji with the kana reading and its Hepburn romanization (long vowels written plainly, as newspapers do).
JA_FAMILY = [("森川", "もりかわ", "Morikawa"), ("石原", "いしはら", "Ishihara"), ("藤井", "ふじい", "Fujii"),
             ("岡田", "おかだ", "Okada"), ("中島", "なかじま", "Nakajima"), ("小川", "おがわ", "Ogawa"),
             ("前田", "まえだ", "Maeda"), ("長谷", "はせ", "Hase"), ("青木", "あおき", "Aoki"),
             ("西村", "にしむら", "Nishimura"), ("福田", "ふくだ", "Fukuda"), ("太田", "おおた", "Ota"),
             ("三浦", "みうら", "Miura"), ("藤原", "ふじわら", "Fujiwara"), ("松田", "まつだ", "Matsuda"),
             ("中野", "なかの", "Nakano"), ("原田", "はらだ", "Harada"), ("小野", "おの", "Ono"),
             ("竹内", "たけうち", "Takeuchi"), ("金子", "かねこ", "Kaneko"), ("和田", "わだ", "Wada"),
             ("中山", "なかやま", "Nakayama"), ("石田", "いしだ", "Ishida"), ("上田", "うえだ", "Ueda"),
             ("森田", "もりた", "Morita"), ("柴田", "しばた", "Shibata"), ("酒井", "さかい", "Sakai"),
             ("工藤", "くどう", "Kudo"), ("横山", "よこやま", "Yokoyama"), ("宮崎", "みやざき", "Miyazaki"),
             ("宮本", "みやもと", "Miyamoto"), ("内田", "うちだ", "Uchida"), ("高木", "たかぎ", "Takagi"),
             ("安藤", "あんどう", "Ando"), ("谷口", "たにぐち", "Taniguchi"), ("大野", "おおの", "Ono"),
             ("丸山", "まるやま", "Maruyama"), ("今井", "いまい", "Imai"), ("河野", "こうの", "Kono"),
             ("藤田", "ふじた", "Fujita")]
JA_GIVEN = [("健太", "けんた", "Kenta"), ("大樹", "だいき", "Daiki"), ("直人", "なおと", "Naoto"),
            ("浩二", "こうじ", "Koji"), ("裕介", "ゆうすけ", "Yusuke"), ("恵美", "えみ", "Emi"),
            ("花子", "はなこ", "Hanako"), ("次郎", "じろう", "Jiro"), ("美香", "みか", "Mika"),
            ("翔", "しょう", "Sho"), ("拓海", "たくみ", "Takumi"), ("和夫", "かずお", "Kazuo"),
            ("陽菜", "ひな", "Hina"), ("秀明", "ひであき", "Hideaki"), ("正人", "まさと", "Masato"),
            ("光男", "みつお", "Mitsuo"), ("博之", "ひろゆき", "Hiroyuki"), ("文子", "ふみこ", "Fumiko"),
            ("達也", "たつや", "Tatsuya"), ("真一", "しんいち", "Shinichi"), ("由美", "ゆみ", "Yumi"),
            ("隆", "たかし", "Takashi"), ("清", "きよし", "Kiyoshi"), ("明美", "あけみ", "Akemi"),
            ("聡", "さとし", "Satoshi"), ("勝也", "かつや", "Katsuya"), ("智子", "ともこ", "Tomoko"),
            ("信夫", "のぶお", "Nobuo"), ("優斗", "ゆうと", "Yuto"), ("沙織", "さおり", "Saori")]
# Korean: Hangul syllables with the customary spelling and the Revised Romanization.
KO_FAMILY = [("김", "Kim", "Gim"), ("이", "Lee", "I"), ("박", "Park", "Bak"), ("최", "Choi", "Choe"),
             ("정", "Jung", "Jeong"), ("강", "Kang", "Gang"), ("조", "Cho", "Jo"), ("윤", "Yoon", "Yun"),
             ("장", "Jang", "Jang"), ("임", "Lim", "Im"), ("한", "Han", "Han"), ("오", "Oh", "O"),
             ("서", "Seo", "Seo"), ("신", "Shin", "Sin"), ("권", "Kwon", "Gwon"), ("황", "Hwang", "Hwang"),
             ("안", "Ahn", "An"), ("송", "Song", "Song"), ("류", "Ryu", "Ryu"), ("홍", "Hong", "Hong")]
KO_GIVEN = [("민", "min", "min"), ("서", "seo", "seo"), ("준", "jun", "jun"), ("우", "woo", "u"),
            ("현", "hyun", "hyeon"), ("지", "ji", "ji"), ("수", "soo", "su"), ("영", "young", "yeong"),
            ("진", "jin", "jin"), ("호", "ho", "ho"), ("성", "sung", "seong"), ("은", "eun", "eun"),
            ("혜", "hye", "hye"), ("연", "yeon", "yeon"), ("경", "kyung", "gyeong"), ("희", "hee", "hui"),
            ("석", "seok", "seok"), ("철", "chul", "cheol"), ("동", "dong", "dong"), ("훈", "hoon", "hun"),
            ("재", "jae", "jae"), ("태", "tae", "tae"), ("상", "sang", "sang"), ("용", "yong", "yong")]
# Russian: invented surnames from Cyrillic parts, romanized by two systems MT mixes ("news" and "scholarly").
RU_ROOT = ["Бор", "Вол", "Гор", "Дуб", "Жар", "Зар", "Кал", "Лес", "Мор", "Нов", "Пол", "Рыб", "Сол", "Тар",
           "Хол", "Чер", "Шев", "Яр", "Кир", "Мел", "Ряз", "Сив", "Тюр", "Щег", "Ерм", "Лоз", "Пуш", "Вет"]
RU_MID = ["", "ан", "ов", "ин", "ен", "ар", "ул", "яш", "ых", "ец"]
RU_END = ["ов", "ев", "ин", "ский", "енко", "чук", "ицкий", "ников"]
RU_GIVEN = ["Алексей", "Дмитрий", "Сергей", "Андрей", "Игорь", "Ольга", "Наталья", "Юрий", "Михаил", "Елена",
            "Евгений", "Татьяна", "Григорий", "Ксения", "Вячеслав", "Фёдор"]
RU_NEWS = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
           "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
           "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
           "э": "e", "ю": "yu", "я": "ya"}
RU_OTHER = dict(RU_NEWS, **{"х": "h", "ц": "tz", "й": "i", "ю": "iu", "я": "ia", "ж": "j", "щ": "sch", "ё": "e"})
# Places and organizations: invented stems.
PLACE_ZH = [("江", "jiang"), ("山", "shan"), ("河", "he"), ("阳", "yang"), ("州", "zhou"), ("宁", "ning"),
            ("安", "an"), ("城", "cheng"), ("源", "yuan"), ("平", "ping"), ("临", "lin"), ("丰", "feng"),
            ("泉", "quan"), ("桥", "qiao"), ("岭", "ling"), ("湖", "hu"), ("昌", "chang"), ("德", "de")]
PLACE_JA = [("川", "かわ", "kawa"), ("山", "やま", "yama"), ("田", "た", "ta"), ("野", "の", "no"),
            ("崎", "さき", "saki"), ("浜", "はま", "hama"), ("沢", "さわ", "sawa"), ("津", "つ", "tsu"),
            ("島", "しま", "shima"), ("原", "はら", "hara"), ("岡", "おか", "oka"), ("宮", "みや", "miya")]
ORG_STEM = ["Vel", "Tor", "Quan", "Bri", "Sol", "Mar", "Zen", "Cor", "Dal", "Fen", "Gal", "Hal", "Lum", "Nor",
            "Oro", "Pax", "Rim", "Sar", "Tev", "Ulm", "Var", "Wex", "Yor", "Zar"]
ORG_TAIL = ["ex", "ana", "ico", "ora", "ent", "ium", "aris", "ova", "ton", "dale"]
ORG_KIND = ["Holdings", "Group", "Bank", "Industries", "Energy", "Motors", "Telecom", "Airlines", "Institute",
            "Foundation", "Party", "Agency", "Pharmaceuticals", "Shipping", "Steel"]
ROLES = ["Minister of Trade", "Foreign Minister", "Governor", "Mayor", "Chief Executive", "spokesperson",
         "Defence Minister", "Central Bank Governor", "party secretary", "ambassador"]

# Ordinary English news prose around the names (invented sentences).
LEADS = ["{n} said on Tuesday that the talks would continue next week.",
         "According to a statement released late on Friday, {n} rejected the proposal.",
         "{r} {n} told reporters that the agreement was not yet final.",
         "In an interview with the state broadcaster, {n} said the economy would recover in the second half.",
         "The delegation led by {n} arrived in the capital on Monday morning.",
         "{n}, who took office last year, has promised to cut red tape for small businesses.",
         "Officials close to {n} said the visit had been planned for months.",
         "Speaking at the forum, {r} {n} called for closer cooperation on supply chains.",
         "{n} declined to comment on the report.",
         "A spokesman for {n} said the company would appeal the ruling.",
         "Residents of {n} were told to stay indoors as the storm approached.",
         "The new rail line will connect {n} with the coast by 2030."]
FILLER = ["The figures were higher than analysts had expected.",
          "Prices of vegetables and pork rose for the third month in a row.",
          "The meeting lasted more than three hours and ended without a joint statement.",
          "Exports fell 4.2 percent year on year in October, customs data showed.",
          "The ministry said it would publish detailed rules before the end of the year.",
          "Local media reported that hundreds of people had gathered outside the building.",
          "The index closed 0.8 percent higher, led by technology and property shares.",
          "Schools in the region will reopen on Thursday after a week of heavy rain.",
          "It was not immediately clear how many people had been affected.",
          "The plan still needs the approval of the national legislature.",
          "Critics say the measures do not go far enough to protect consumers.",
          "The company employs about 12,000 people and has factories in five countries.",
          "Talks on the fisheries agreement are expected to resume in the spring.",
          "Netizens responded to the news with a mixture of surprise and humor.",
          "Observers noted that the tone of the statement was softer than in previous years."]


def _misspell(rnd, s):
    """One letter of a word longer than four changed to a vowel (a typo MT and OCR make)."""
    if len(s) < 5:
        return s
    i = rnd.randrange(1, len(s) - 1)
    if not s[i].isalpha():
        return s
    v = "aeiou".replace(s[i].lower(), "")
    return s[:i] + rnd.choice(v) + s[i + 1:]


def _ru_latin(word, table):
    out = "".join(table.get(ch, table.get(ch.lower(), ch)) for ch in word.lower())
    return out.replace("iy", "y") if table is RU_NEWS and out.endswith("iy") else out


def _cap(s):
    return s[:1].upper() + s[1:]


def make_entity(i, rnd):
    """One invented entity as (gazetteer dict, [MT-style surface forms], role or '')."""
    r = rnd.random()
    eid = f"bench:{i}"
    if r < 0.30:  # Chinese person, canonical name in pinyin, family name first
        fam = rnd.choice(ZH_FAMILY)
        giv = [rnd.choice(ZH_GIVEN) for _ in range(1 if rnd.random() < 0.3 else 2)]
        family, given = _cap(fam[1]), _cap("".join(g[1] for g in giv))
        name = f"{family} {given}"
        zh = fam[0] + "".join(g[0] for g in giv)
        wg = f"{_cap(fam[2])} {'-'.join(g[2] for g in giv).capitalize()}"
        forms = [name, name, f"{family} {' '.join(_cap(g[1]) for g in giv)}", f"{given} {family}", wg,
                 _misspell(rnd, name), family]
        e = {"id": eid, "name": name, "type": "person", "given": given, "family": family,
             "aliases": [{"text": zh, "lang": "zh"}]}
    elif r < 0.50:  # Japanese person, canonical name given name first
        fam, giv = rnd.choice(JA_FAMILY), rnd.choice(JA_GIVEN)
        name = f"{giv[2]} {fam[2]}"
        forms = [name, name, f"{fam[2]} {giv[2]}", _misspell(rnd, name), fam[2]]
        e = {"id": eid, "name": name, "type": "person", "given": giv[2], "family": fam[2],
             "aliases": [{"text": fam[0] + giv[0], "lang": "ja", "reading": f"{fam[1]} {giv[1]}"}]}
    elif r < 0.65:  # Korean person, customary spelling, family name first
        fam = rnd.choice(KO_FAMILY)
        g1, g2 = rnd.choice(KO_GIVEN), rnd.choice(KO_GIVEN)
        name = f"{fam[1]} {_cap(g1[1])}-{g2[1]}"
        rr = f"{fam[2]} {_cap(g1[2])}{g2[2]}"
        forms = [name, name, rr, f"{fam[1]} {_cap(g1[1])} {_cap(g2[1])}", _misspell(rnd, name), fam[1]]
        e = {"id": eid, "name": name, "type": "person", "given": f"{_cap(g1[1])}-{g2[1]}", "family": fam[1],
             "aliases": [{"text": fam[0] + g1[0] + g2[0], "lang": "ko"}]}
    elif r < 0.80:  # Russian person
        fam = rnd.choice(RU_ROOT) + rnd.choice(RU_MID) + rnd.choice(RU_END)
        giv = rnd.choice(RU_GIVEN)
        name = f"{_cap(_ru_latin(giv, RU_NEWS))} {_cap(_ru_latin(fam, RU_NEWS))}"
        other = f"{_cap(_ru_latin(giv, RU_OTHER))} {_cap(_ru_latin(fam, RU_OTHER))}"
        forms = [name, name, other, _misspell(rnd, name), _cap(_ru_latin(fam, RU_NEWS))]
        e = {"id": eid, "name": name, "type": "person", "aliases": [{"text": f"{giv} {fam}", "lang": "ru"}]}
    elif r < 0.92:  # place with a Chinese or Japanese name
        if rnd.random() < 0.6:
            a, b = rnd.choice(PLACE_ZH), rnd.choice(PLACE_ZH)
            name = _cap(a[1] + b[1])
            forms = [name, name, f"{_cap(a[1])} {_cap(b[1])}", _misspell(rnd, name)]
            e = {"id": eid, "name": name, "type": "place", "country": "CN",
                 "aliases": [{"text": a[0] + b[0], "lang": "zh"}]}
        else:
            a, b = rnd.choice(PLACE_JA), rnd.choice(PLACE_JA)
            name = _cap(a[2] + b[2])
            forms = [name, name, _misspell(rnd, name)]
            e = {"id": eid, "name": name, "type": "place", "country": "JP",
                 "aliases": [{"text": a[0] + b[0], "lang": "ja", "reading": a[1] + b[1]}]}
        return e, forms, ""
    else:  # organization with an acronym
        stem = rnd.choice(ORG_STEM) + rnd.choice(ORG_TAIL)
        kind = rnd.choice(ORG_KIND)
        name = f"{stem} {kind}"
        acro = (stem[:2] + kind[0]).upper()
        forms = [name, name, _misspell(rnd, name)]
        e = {"id": eid, "name": name, "type": "organization", "aliases": [acro]}
        return e, forms, ""
    role = rnd.choice(ROLES) if rnd.random() < 0.3 else ""
    if role:
        e["roles"] = [role]
    return e, forms, role


def write_gazetteer(out, n, rnd):
    """Writes n entities as JSONL to the stream out and returns [(forms, role)] for the corpus."""
    ents = []
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    buf = []
    for i in range(n):
        e, forms, role = make_entity(i, rnd)
        buf.append(dumps(e))
        ents.append((forms, role))
        if len(buf) >= 10_000:
            out.write("\n".join(buf) + "\n")
            buf = []
    if buf:
        out.write("\n".join(buf) + "\n")
    return ents


def write_corpus(txt, jsonl, ents, nbytes, rnd):
    """Writes documents of 6–12 sentences until nbytes of text: paragraphs to txt, {"id","text"} lines to jsonl."""
    size, k = 0, 0
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    while size < nbytes:
        sents = []
        for _ in range(rnd.randrange(6, 13)):
            if rnd.random() < 0.5:
                forms, role = ents[rnd.randrange(len(ents))]
                lead = rnd.choice(LEADS)
                if "{r}" in lead and not role:
                    lead = lead.replace("{r} ", "")
                sents.append(lead.format(n=rnd.choice(forms), r=role))
            else:
                sents.append(rnd.choice(FILLER))
        text = " ".join(sents)
        txt.write(text + "\n\n")
        if jsonl is not None:
            jsonl.write(dumps({"id": str(k), "text": text}) + "\n")
        size += len(text.encode()) + 2
        k += 1
    return k


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of entities")
    ap.add_argument("outdir")
    ap.add_argument("--corpus-mb", type=float, default=2.0, help="corpus size in MB (10^6 bytes; default 2)")
    ap.add_argument("--seed", type=int, default=2026)
    a = ap.parse_args(argv)
    t0 = time.process_time()
    os.makedirs(a.outdir, exist_ok=True)
    rnd = random.Random(a.seed)
    with open(os.path.join(a.outdir, "gazetteer.jsonl"), "w", encoding="utf-8") as g:
        ents = write_gazetteer(g, a.n, rnd)
    rnd = random.Random(a.seed + 1)
    with open(os.path.join(a.outdir, "corpus.txt"), "w", encoding="utf-8") as t, \
            open(os.path.join(a.outdir, "corpus.jsonl"), "w", encoding="utf-8") as j:
        docs = write_corpus(t, j, ents, int(a.corpus_mb * 1e6), rnd)
    print(f"{a.n} entities, {docs} documents, {a.corpus_mb} MB in {a.outdir} "
          f"({time.process_time() - t0:.1f} s CPU)", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--test":
        import doctest
        r = doctest.testmod()
        print(f"{r.attempted} doctests, {r.failed} failed")
        sys.exit(1 if r.failed else 0)
    main(sys.argv[1:])
