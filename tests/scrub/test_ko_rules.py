"""Korean rules (issue 11): names and places in ordinary sentences, addresses, and the
harmless words that look like them. Rules only: these tests run with ``INTAKE_NER=off``."""

from __future__ import annotations

import pytest
from faker.providers.person.ko_KR import Provider as KoreanPerson
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.scrub import gazetteer_data as data
from bot.scrub import scrub
from bot.scrub.placenames import PLACE_NAMES

# (sentence, what must be removed, what must stay), one or more per family.
_CASES = [
    # a full name before a kinship word or a title, and a family name alone before a title
    ("한순희 할머니(79)께서 병원에 계세요.", ["한순희"], ["할머니", "(79)"]),
    ("성함은 박 집사님이라고만 알아요.", ["박"], ["집사님"]),
    ("기무라 상 아세요?", ["기무라"], ["아세요"]),
    # names in a list, before an age in brackets with or without 세
    ("정순자, 정미란 자매 두 분 다 찾고 있어요.", ["정순자", "정미란"], ["자매", "두 분"]),
    ("김정숙(64), 김정애(61) 삼남매입니다", ["김정숙", "김정애"], ["(64)", "(61)"]),
    # North Korean spelling of the family name (리 for 이)
    ("이모 이름은 리순옥이고 1952년생이에요.", ["리순옥"], ["이모", "1952년생"]),
    # a name called by name, and found again later in the note
    ("준호야 아니 죄송해요 잘못 보냈어요", ["준호"], ["죄송해요"]),
    ("우리 막내 영미가 아파요. 영미 남편은 한족이에요.", ["영미"], ["막내", "남편", "한족"]),
    # Japanese names in Hangul, kanji and katakana, and the other spelling in brackets
    ("저희 할머니 사토 미치코(82) 때문에 연락드려요.", ["사토 미치코"], ["할머니"]),
    ("일본 이름은 高橋和江 입니다.", ["高橋和江"], ["일본 이름"]),
    ("박순남(朴順男) 1956년생, 길주군 출신입니다", ["박순남", "朴順男", "길주군"], ["1956년생"]),
    ("영문 이름 KIM SUNJA 입니다", ["KIM SUNJA"], ["영문 이름"]),
    # places: a city without 시, a suffix after a bare name, the next unit after a place
    ("지금 용인에 살고 수원시 근처에서 일해요", ["용인", "수원시"], ["지금"]),
    ("혹시 왕칭현 쪽에 아는 교회 있나요?", ["왕칭현"], ["교회"]),
    ("혜산시 혜탄동 출신이에요", ["혜산시", "혜탄동"], ["출신"]),
    ("이바라키현 히타치시 분이셨어요", ["히타치시"], ["이바라키현"]),
    ("지린성 옌지 근처에 숨어 있어요", ["옌지"], ["지린성"]),
    # addresses: a building and a flat after the street number, Japanese and Chinese
    # addresses written in Hangul
    (
        "인천 부평구 십정동 455-12 해피빌라 B01호",
        ["부평구 십정동 455-12 해피빌라 B01호"],
        ["인천"],
    ),
    ("가와사키시 가와사키구 사쿠라모토 2-14-3 이에요", ["사쿠라모토 2-14-3"], ["이에요"]),
    ("단둥시 진싱구 류웨이루 45호 3단원 502호", ["류웨이루 45호 3단원 502호"], []),
    # the 이 a given name takes before a particle, a copula or a kinship word, and an
    # elder's title written onto the name
    ("은정이가 어제 연락했어요", ["은정"], ["어제"]),
    ("영철이한테 물어봐 주세요. 혜진이 엄마가 걱정해요", ["영철", "혜진"], ["엄마"]),
    ("동생 성호요. 순영언니가 도와줬어요", ["성호", "순영"], ["동생", "언니"]),
    # North Korean and church titles, a family name and one syllable before them
    ("옥순 할매랑 광호 아바이, 김철 동무가 같이 왔어요", ["옥순", "광호", "김철"], ["할매"]),
    ("송 간사님께 연락하세요", ["송"], ["간사님"]),
    # a name in brackets after a kinship word, hanja names, Latin names before 라고
    ("어머니(순희)가 보낸 편지", ["순희"], ["어머니", "편지"]),
    ("할아버지(李萬福, 1938년생)의 호적", ["李萬福"], ["1938년생", "호적"]),
    ("崔永哲 선생님을 찾습니다", ["崔永哲"], ["선생님"]),
    ("Park Young Ho 라고 여권에 있어요", ["Park Young Ho"], ["여권"]),
    ("영문 표기는 Ri Kyong Hui 이렇게요", ["Ri Kyong Hui"], ["영문 표기"]),
    # whoever is called so before a noun for a person, a label's answer, 저 X예요
    ("마이클이라는 미국 사람이 도와줬어요", ["마이클"], ["미국 사람"]),
    ("샤오린(小林)이라고 중국 이름 쓰는 친구", ["샤오린", "小林"], ["중국 이름"]),
    ("딸 이름은 하루나, 일본 이름이에요", ["하루나"], ["일본 이름"]),
    ("우리 형 이름이 '용'이에요", ["용"], ["우리 형"]),
    ("저 은비예요 기억하세요?", ["은비"], ["기억하세요"]),
    ("선교사님 이름은 마이클 정, 태국에 계세요", ["마이클", "정"], ["태국"]),
    # city stems that are words, in a frame of place; counties without 군; districts and
    # markets of North Korea; Japanese neighbourhoods and the route's cities in Hangul
    ("구미에서 일해요. 양주 쪽에 살아요", ["구미", "양주"], ["일해요"]),
    ("화성에 공장 다니면서 돈 모았어요", ["화성"], ["공장"]),
    ("무산쪽에서 건넜어요. 철원에서 살아요", ["무산", "철원"], ["건넜어요"]),
    ("청진시 포항구역 수남시장에서 장사했어요", ["포항구역", "수남시장"], ["장사"]),
    ("온성군 남양로동자구 살았어요", ["남양로동자구"], ["살았어요"]),
    ("오사카 니시나리에 살아요. 교토 우지시 우토로 마을", ["니시나리", "우토로"], ["오사카"]),
    ("방콕 거쳐서 하노이까지 갔어요", ["방콕", "하노이"], ["거쳐서"]),
    ("투먼(图们) 쪽으로 건넜어요. Musan-gun 출신", ["투먼", "图们", "Musan-gun"], ["쪽으로"]),
    # addresses: a building that opens like a unit, a flat in 실, Chinese lanes in
    # Hangul, lots on a hill, 로N가 streets, North Korean 반, masked buildings
    ("화성시 봉담읍 동화길 52-3 원룸 302호로", ["화성시 봉담읍 동화길 52-3 원룸 302호"], []),
    ("화성시 병점중앙로 88 주공아파트 104동 905호", ["병점중앙로 88 주공아파트 104동 905호"], []),
    ("단둥시 진흥구 륙위로 45호 3단원 502실이래요", ["륙위로 45호 3단원 502실"], ["이래요"]),
    ("연길시 하남가 신흥골목 17호 2층.", ["하남가 신흥골목 17호 2층"], []),
    ("심양시 황고구 북릉대가 35호 2단원 601 에 있대요", ["35호 2단원 601"], ["있대요"]),
    ("괴산군 청천면 송평리 산 12-3", ["송평리 산 12-3"], []),
    ("중구 을지로6가 18-21 3층이었어요", ["을지로6가 18-21 3층"], ["이었어요"]),
    ("청진시 수남구역 천마동 23반", ["수남구역 천마동 23반"], []),
    ("신부동 455-2 ○○고시원 14호", ["신부동 455-2 ○○고시원 14호"], []),
    ("양천구 신정동 1020-4 ㅇㅇ빌라 B01호 반지하예요", ["ㅇㅇ빌라 B01호"], ["반지하예요"]),
    # birthdates: 주체 years, lunar dates, dotted with spaces, the resident number's
    # first half, passports
    ("공민증에는 주체37(1948)년 5월 23일로 돼 있어요", ["주체37(1948)년 5월 23일"], []),
    ("1952년 음력 정월 초사흘에 태어났어요", ["1952년 음력 정월 초사흘"], ["태어났어요"]),
    ("생신이 음력 1934년 섣달 초사흗날이에요", ["섣달 초사흗날"], ["생신"]),
    ("생일은 음력 3월 보름이에요", ["3월 보름"], ["생일은"]),
    ("생년월일 1955. 7. 21. 입니다", ["1955. 7. 21."], ["입니다"]),
    ("주민번호 앞자리 781105 이고 생년월일: 78.11.05", ["781105", "78.11.05"], []),
    ("여권에 DOB 12 MAR 1958 로 돼 있어요", ["12 MAR 1958"], ["DOB"]),
    ("48.03.05생이고 48년생 3월 5일이라고도 해요", ["48.03.05", "3월 5일"], ["48년생"]),
    # names down a list, before 한테 and 에게, before an office or an account, Chinese
    # names in Hangul
    ("하늘이랑 은혜는 같이 있대요", ["하늘", "은혜"], ["같이"]),
    ("박영철, 은정, 민수 셋이서 왔어요", ["박영철", "은정", "민수"], ["셋이서"]),
    ("민호한테 돈 보냈어요. 유키코에게 물어봐", ["민호", "유키코"], ["돈"]),
    ("김영호 앞으로 보내주세요. 최민수 교수님이 도와주셨어요", ["김영호", "최민수"], ["교수님"]),
    ("장웨이가 도와줬어요. 류샤오핑이라는 사람", ["장웨이", "류샤오핑"], ["사람"]),
    ("영희네 집에 있어요. 다니엘 선교사님, 에스더 자매", ["영희", "다니엘", "에스더"], ["집에"]),
    ("찾는 사람: 김영남 (62세)", ["김영남"], ["(62세)"]),
    ("신주쿠구 니시신주쿠 2초메 8-1 입니다", ["니시신주쿠 2초메 8-1"], ["입니다"]),
    (
        "아라카와 3초메 41반 8고. 연길시 광명다제 123호",
        ["아라카와 3초메 41반 8고", "광명다제 123호"],
        [],
    ),
    ("삼봉리 출신이에요. 성후동에서 살았어요", ["삼봉리", "성후동"], ["출신"]),
    # a port after a place, a floor after a comma or a building
    ("청진항에서 배를 탔대요", ["청진항"], ["배를"]),
    (
        "안산시 단원구 고잔로 12, 3층. 테헤란로 427 위워크 5층",
        ["고잔로 12, 3층", "위워크 5층"],
        [],
    ),
    # a full name with no particle before a verb said of a person
    ("혹시 박영희 아세요? 어제 최광철 만났대요", ["박영희", "최광철"], ["혹시", "어제"]),
    # a given name that ends like a particle after a word (이하 + 은)
    ("이하은이 아파요. 이지은 만났어요", ["이하은", "이지은"], ["아파요"]),
    # form lines: a name before an age with its unit, the relation as a label, a year of
    # birth or other notes in the bracket after the name, a name spaced by syllables
    ("부 리명수 72세\n동생 철민 40살", ["리명수", "철민"], ["72세", "40살"]),
    ("조부: 문길호 — 사망\n모 - 전순애\n본인: 문은지", ["문길호", "전순애", "문은지"], ["사망"]),
    ("누나 / 신미경 / 49 / 청진", ["신미경", "청진"], ["누나", "49"]),
    ("최옥란 (녀, 52세), 김정수 (1941년생, 사망)", ["최옥란", "김정수"], ["52세", "1941년생"]),
    ("성명: 리 영 남\n딸 이름 은별", ["리 영 남", "은별"], ["딸 이름"]),
    ("성명(일본명): 구니모토 아키코", ["구니모토 아키코"], ["성명(일본명)"]),
    # hearsay, a doubtful past after a name; a Japanese name before the past copula
    ("만난 사람이 장명철이래요, 이름이 정은주였는지", ["장명철", "정은주"], ["만난 사람"]),
    ("일본 이름은 다나카 유키코였어요", ["다나카 유키코"], ["였어요"]),
    # the Japanese names Koreans in Japan went by, and a given name of two syllables
    ("할머니 가네모토 요시코가 1960년에 건너가셨어요", ["가네모토 요시코"], ["1960년"]),
    ("외할머니 오오타 기미 말고는 몰라요", ["오오타 기미"], ["외할머니"]),
    # foreigners on the route, in Hangul and in Latin letters
    ("선장 세르게이가 태워 줬고 이바노프 씨도 봤어요", ["세르게이", "이바노프"], ["선장", "씨"]),
    ("태국 운전사 솜차이한테 돈을 줬어요", ["솜차이"], ["태국", "운전사"]),
    ("남편 Ri Kwang Nam이 왔고 경찰 Somsak가 잡았대요", ["Ri Kwang Nam", "Somsak"], ["남편"]),
    ("사촌 Pak Hyang-ok이요. Ms. Tanaka 한테 물어봐요", ["Pak Hyang-ok", "Tanaka"], ["사촌"]),
    ("외삼촌이 Yamada Hiroshi 아니면 Hiroshi Yamada", ["Yamada", "Hiroshi"], ["외삼촌"]),
    ("브로커 왕젠궈인데 전화를 안 받아요", ["왕젠궈"], ["브로커"]),
    # places: workers' districts, Japanese stations, the route south and north
    ("부령군 고무산로동자구에서 왔어요. 무산로동자구예요", ["고무산로동자구"], ["왔어요"]),
    ("이쿠노역 말고 쓰루하시역에서 만나요", ["쓰루하시역"], ["만나요"]),
    ("쿤밍에서 몽라 거쳐 므엉씽까지 갔어요", ["몽라", "므엉씽"], ["거쳐"]),
    ("베트남 하장이랑 사빠 쪽에 있어요", ["하장", "사빠"], ["베트남"]),
    # the given name of a full name found, alone later; a name before 인데
    ("조카가 박은별인데\n은별이가 지금 아파요", ["박은별", "은별"], ["조카", "아파요"]),
    # a family name that is also a prefecture, with its given name; a kanji name after
    # a kinship word; a nickname in quotes; a form's spaced name with no colon
    ("외할머니 미야자키 하루에는 돌아가셨어요", ["미야자키 하루에"], ["외할머니"]),
    ("증조모 木村ハル, 조부 金東洙 (일본)", ["木村ハル", "金東洙"], ["증조모", "(일본)"]),
    ("그 사람 별명이 '호랑이'였어요", ["호랑이"], ["별명"]),
    ("성명 박 영 희 (띄어 씀)", ["박 영 희"], ["성명", "(띄어 씀)"]),
    ("자기를 Lao Zhang 이라고만 했어요", ["Lao Zhang"], ["이라고만"]),
    ("조선족 마을 싼허에서 막혔대요", ["싼허"], ["조선족"]),
    # a name in quotes before 라고만 불렀어요; a town's north station
    ("어릴 때는 '복순'이라고만 불렀대요", ["복순"], ["불렀대요"]),
    ("옌지역 말고 옌지서역으로 오래요", ["옌지서역"], ["말고"]),
    # a family name alone a space before a given name found
    ("박 은정 씨한테 전해 주세요", ["박 은정"], ["씨한테"]),
    # A family name before 씨 or a title, and a name said with 라고 해요, still go.
    ("손 씨가 왔어요. 저는 김민수라고 해요.", ["손 씨", "김민수"], ["라고 해요"]),
    ("이름이 김남아 있어요. 동생 이름은 서아예요.", ["김남아", "서아"], ["있어요"]),
    ("김보라는 학생이에요. 나우라는 단체에 다녀요.", ["김보라"], ["나우라는 단체"]),
    # Names next to the role words and subjects that are kept.
    (
        "수학 선생님은 김민수 선생님이에요. 이장님은 박순자 씨예요.",
        ["김민수", "박순자"],
        ["수학 선생님", "이장님"],
    ),
    (
        "두만강에서 김철수를 만났어요. 이름은 박민준이고 서울에 살아요.",
        ["김철수", "박민준"],
        ["두만강"],
    ),
]

# Sentences in which nothing may change: words that open with a family name or end like
# a place, city stems that are words, money and counts.
_CLEAN = [
    # Chinese words and brands spelt in Hangul like a Chinese name.
    "웨이보에 올렸어요, 샤오미 폰은 화웨이보다 싸요",
    "오늘 새벽 4시에 겨우 통화했어요. 목소리가 많이 지쳐 있었어요.",
    "배우자는 조선족이고 중국 국적이에요.",
    "할머니 연세가 올해 여든여섯이세요.",
    "중국 안에서 이동하는 데 2만 위안이래요.",
    "버전 정보: 11.2.1",
    "전 남편이랑은 2015년에 헤어졌어요.",
    "저는 한국에 사는 손녀예요.",
    "이천 원짜리 빵을 샀어요. 전주에 연락이 왔어요.",
    "고양이를 키워요. 역시 당시에는 몰랐어요.",
    "이 할머니가 제 할머니예요.",
    "할머니는 5명이고, 50,000원이고, 3세대 기록이 있어요.",
    "교회 언니가 도와줬어요. 작은 언니는 아직 북한에 있어요.",
    # words that take 이 and a particle, shapes before 형, titles after a role
    "고양이가 아파요. 다행이네요. 그 사람이랑 같이 있어요.",
    "삼각형이랑 사각형을 그렸어요. 명령형으로 쓰지 마세요. 어린이가 셋이에요.",
    "남자 선생님이 오셨어요. 시장님이 오셨어요. 친언니랑 큰오빠.",
    "브로커라는 사람이 돈을 더 달래요. 친척이라는 사람이 왔어요.",
    "WeChat 이라고 하는 앱으로 연락해요. 中國人 친구가 도와줬어요.",
    "이름은 비밀이에요. 이름은 모름. 아이 이름은 아직 없어요.",
    "2000위안이요. 편지라도 보내고 싶어요. 진심이에요.",
    # city stems and guarded names outside a frame of place, a brand, a holiday
    "계획이 무산되었어요. 개성이 강해요. 경주에서 일등 했대요. 화성에 가고 싶다.",
    "진주 목걸이를 팔았어요. 전주에 연락이 왔어요. 동해 바다가 보고 싶어요.",
    "분유는 남양 거 말고 다른 걸로 사 주세요.",
    "음력 8월 15일은 추석이에요. 음력 8월 보름은 추석. 주체사상 교육을 받았대요.",
    "오사카 아이가 있어요. 도쿄 사람이에요. 량강도 출신이에요. 함북에서 왔어요.",
    "후배한테 물어봤어요. 자기한테 말해. 아기한테 우유. 경찰한테 잡혔어요.",
    "영업 부장님이 은행 명의로 바꿨어요. 상의해서 정했어요.",
    "장타를 쳤어요. 판타지 소설. 위챗으로 연락해요. WeChat 이라고 검색.",
    "우리네 집. 친구네 집에서 잤어요. 할머니네 집. 그네 타요.",
    "사거리에서 살았어요. 목소리 출신. 우리 동네 출신. 자원봉사활동 출신.",
    "아직 어려서 (9살) 혼자서는 못 움직여요.",
    # verbs and words before an age or a verb of meeting, labels with no name after them
    "아이들은 각각 11살, 8살이에요. 올해로 72세예요. 나이는 만 72세.",
    "그 사람은 믿지 마세요. 공안국 찾아갔대요. 신청서 보냈어요.",
    "몽골로 가려고 해요. 엄마가 조심하라고 했어요. 해 주시기로 했어요.",
    "이름은 모르고 그냥 아주머니라고 불렀어요. 모: 사망. 비고: 없음.",
    "유전자(DNA) 검사는 3~4주 걸린대요. 량강도, 자강도 쪽은 단속이 심해요.",
    "일본 오카야마현에서 태어났대요. 엄마 Kakao로 연락해요. 위스키 마셨어요.",
    "삼합 먹으러 가요. 하산 하다가 다쳤어요. 우리 동네 노동자구 얘기.",
    "미야자키 출신이에요. 어머니 中國 사람. 이름은 안 줘요.",
    "직업 : 로동자. 려권을 뺏어 갔어요. 로인 한 분이 오셨어요. 녀자들이 많이 잡혀요.",
    "그냥 '친구'라고만 불렀어요. '브로커'라고 부르는 사람이 왔어요.",
    "비용은 1,500만 원에서 2,000만 원 사이라고 합니다.",
    # Offices, school subjects and role words before a title or 님 (found writing clean
    # notes of the domain): shaped like a family name and a given name.
    "아이 담임 선생님과 면담했어요. 담당 형사님이 전화하셨어요. 상담 선생님이 오신대요.",
    "이장님이 마을 회의를 열었어요. 지부장님께 연락드렸어요. 이사장님이 오셨어요.",
    "수학 선생님, 미술 선생님, 보건 선생님, 태권도 선생님이 다 오셨어요.",
    # Rivers, mountains and money words of three syllables read as a full name.
    "2018년 겨울에 두만강을 건넜어요. 장백산이 보였어요. 임진강을 따라 걸었어요.",
    "남북하나재단에서 장학금을 받았어요. 조의금을 보냈어요. 위로금이 나왔어요.",
    # The old provinces and their dialect; a province in a list with another.
    "황해도 사투리를 써요. 함경북도 사투리가 심해요. 강원도 사투리도 알아들어요.",
    "량강도, 자강도 쪽은 요즘 단속이 더 심하다고 들었어요.",
    # What a person is called instead of a name; a verb after the name label.
    "조선족 아주머니 집에서 지냈어요, 이름은 모르고 그냥 아주머니라고 불렀어요.",
    "그냥 큰엄마라고 불렀어요. 목사님이라고 불렀어요. 어르신이라고 했어요.",
    # Verbs before 라고 and 로 that read as a family name and a given name.
    "오마니가 조심하라고 하셨어요. 이모할머니가 검사를 해 주시기로 했어요.",
    "중국에서 왔어요? 아니요, 평양이에요.",
    # What a thing is called after a demonstrative; 손님 "a guest".
    "그건 김장이라고 해요. 이걸 장마라고 해요. 여기는 박물관이라고 해요.",
    "손님이 오셨어요. 가게에 손님이 많아요.",
    # A verb before an auxiliary one after the name label.
    "일본 호적에 외할머니 이름이 남아 있을 수도 있대요. 이름은 남아 있어요.",
    "이름이 지워져 버렸어요.",
    # An organisation after 라는 (organisation names are kept).
    "나우라는 단체가 있어요. 나우라는 곳에서 일해요. 물망초라는 단체예요.",
    # The old provinces of the whole peninsula, and 제주도.
    "외할아버지는 제주도 출신이래요. 경상도 사투리, 전라도 음식, 충청도 사람.",
]


@pytest.mark.parametrize(("text", "removed", "kept"), _CASES)
def test_korean_frames_remove_the_secret_and_keep_the_rest(
    text: str, removed: list[str], kept: list[str]
) -> None:
    out = scrub(text, "ko").text
    for secret in removed:
        assert secret not in out, (secret, out)
    for word in kept:
        assert word in out, (word, out)


@pytest.mark.parametrize("text", _CLEAN)
def test_korean_clean_sentences_come_back_unchanged(text: str) -> None:
    assert scrub(text, "ko").text == text


# Common family names and the given names Faker's Korean provider draws from, and a few
# North Korean and older given names of our own (순옥, 영숙, 만복, 정길). 지원 ("support")
# is a word as often as a name: left to the NER layer.
_SURNAMES = st.sampled_from(
    ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오"]
)
_GIVEN = st.sampled_from(
    sorted(
        {
            name
            for name in KoreanPerson.first_names
            if len(name) == 2 and name not in {"지원", "이제", "정말", "조심"}
        }
        | {"순옥", "영숙", "만복", "정길", "경애", "은별", "광남", "순희", "정애"}
    )
)


def _particle(word: str, after_consonant: str, after_vowel: str) -> str:
    """``word`` with the form of a particle its last syllable takes (김은별이, 김영미가)."""
    final_consonant = (ord(word[-1]) - 0xAC00) % 28 != 0
    return word + (after_consonant if final_consonant else after_vowel)


_KIN = st.sampled_from(["언니", "오빠", "동생", "할머니", "이모", "삼촌", "조카"])
# Frames: subject, object, possessive, list, before an age, a title, at the start and
# the end, after a kinship word. ``{n}`` is the full name.
_FULL_FRAMES = st.sampled_from(
    [
        "{n_ga} 아파요.",
        "어제 {n_reul} 만났어요.",
        "{n}의 딸이 연락했어요.",
        "{n}, {n} 두 사람이에요.",
        "{n}(73)이 지금 중국에 있어요.",
        "{n} 할머니를 찾습니다.",
        "{n} 선생님이 도와주셨어요.",
        "찾는 사람은 {n}",
        "이름은 {n}입니다.",
        "동생 {n_ga} 연락이 안 돼요.",
    ]
)
_GIVEN_FRAMES = st.sampled_from(
    [
        "{k} {g_ga} 아파요.",
        "우리 {k} {g_reul} 찾고 있어요.",
        "{g} {k}가 연락했어요.",
        "{g_ya} 엄마야.",
        "{g} {k}(66) 작년에 잡혔어요.",
    ]
)


@settings(max_examples=150, deadline=None)
@given(surname=_SURNAMES, given_name=_GIVEN, frame=_FULL_FRAMES)
def test_a_planted_full_name_never_survives(surname: str, given_name: str, frame: str) -> None:
    name = surname + given_name
    text = frame.format(
        n=name, n_ga=_particle(name, "이", "가"), n_reul=_particle(name, "을", "를")
    )
    out = scrub(text, "ko").text
    assert name not in out, out


@settings(max_examples=150, deadline=None)
@given(given_name=_GIVEN, kin=_KIN, frame=_GIVEN_FRAMES)
def test_a_planted_given_name_with_a_kinship_word_never_survives(
    given_name: str, kin: str, frame: str
) -> None:
    text = frame.format(
        g=given_name,
        k=kin,
        g_ga=_particle(given_name, "이", "가"),
        g_reul=_particle(given_name, "을", "를"),
        g_ya=_particle(given_name, "아", "야"),
    )
    out = scrub(text, "ko").text
    assert given_name not in out, out
    assert kin in out or "{k}" not in frame


# Every South Korean city and county of the gazetteer, and the cities without 시.
_CITIES = st.sampled_from(
    sorted(
        name
        for name in (*data.KR_PLACES, *data.KR_CITY_STEMS)
        if name in PLACE_NAMES and not name.endswith(("읍", "면", "동"))
    )
)
_PLACE_FRAMES = st.sampled_from(
    [
        "지금 {p}에 있어요.",
        "{p}에서 만났어요.",
        "{p} 근처에 숨어 있어요.",
        "어머니는 {p} 출신이세요.",
        "경기도 {p}로 이사했어요.",
        "{p}",
    ]
)


@settings(max_examples=150, deadline=None)
@given(place=_CITIES, frame=_PLACE_FRAMES)
def test_a_planted_korean_city_never_survives(place: str, frame: str) -> None:
    out = scrub(frame.format(p=place), "ko").text
    assert place not in out, out
