"""E-mail addresses, URLs, ``@handles`` and messenger IDs introduced by a label.

Also the disguises people use to slip an address past a filter: ``@`` spelled out or
replaced (``at``, ``(at)``, ``アットマーク``, ``골뱅이``, ``艾特``, a star), ``.`` spelled
out (``dot``, ``ドット``, ``점``, ``点``). A disguised address needs a known provider or
top-level domain, so ``3 at 5`` or a star in a sentence is never taken for one.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from typing import Final

from bot.scrub.normalize import View
from bot.scrub.numbers import VERSION, is_plain_number
from bot.scrub.scan import finditer_at, merged, opening_pairs, starts
from bot.scrub.spans import Finding

__all__ = ["find_contacts"]

_TLDS: Final = (
    "com|net|org|info|biz|edu|gov|mil|int|io|me|co|app|dev|xyz|top|site|online|club|shop|"
    "live|life|world|email|mail|link|page|ly|gl|gg|to|tv|cc|ai|jp|kr|cn|ru|mn|vn|la|th|kh|mm|"
    "tw|hk|mo|sg|my|ph|id|in|us|uk|de|fr|ca|au|nz|eu|ne|ac|or|go|pe|re|su|kp"
)
_PROVIDERS: Final = (
    "gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|mac|aol|proton|protonmail|"
    "pm|qq|foxmail|163|126|yeah|sina|sohu|aliyun|139|189|naver|daum|hanmail|nate|kakao|"
    "docomo|ezweb|au|softbank|i\\.softbank|mail|yandex|mail\\.ru|tutanota|gmx"
)
_LOCAL: Final = r"[A-Za-z0-9](?:[A-Za-z0-9._%+\-]{0,63})"
_LABEL: Final = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62})"
_AT_DISGUISED: Final = (
    r"(?: ?[(\[<{] ?(?:at|@|アット|골뱅이) ?[)\]>}] ?| at | ?(?:アットマーク|あっとまーく|アット|"
    r"골뱅이|골뱅|艾特|圈a|[*★☆#]) ?)"
)
_DOT_DISGUISED: Final = (
    r"(?: ?[(\[<{] ?(?:dot|ドット|점|点) ?[)\]>}] ?| dot | ?(?:ドット|どっと|닷|점|点|。) ?)"
)
_DOT: Final = rf"(?: ?\. ?|{_DOT_DISGUISED})"

_EMAIL: Final = re.compile(
    rf"(?<![A-Za-z0-9._%+\-]){_LOCAL} ?@ ?"
    rf"(?:{_LABEL}(?:{_DOT}{_LABEL})*{_DOT}(?:{_TLDS}|[a-z]{{2,24}})"
    rf"|(?:{_PROVIDERS}))(?![A-Za-z0-9\-])",
    re.IGNORECASE,
)
_EMAIL_DISGUISED: Final = re.compile(
    rf"(?<![A-Za-z0-9._%+\-]){_LOCAL}{_AT_DISGUISED}(?:(?:{_LABEL}{_DOT})*{_LABEL}{_DOT}(?:{_TLDS})"
    rf"|(?:{_PROVIDERS})(?:{_DOT}(?:{_TLDS}))*)(?![A-Za-z0-9\-])",
    re.IGNORECASE,
)

# A URL runs until whitespace, CJK text or closing punctuation.
_URL_TAIL: Final = (
    r"[^\s<>\"'`、。，！？「」『』（）()\[\]\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]*"
)
_HOSTS: Final = (
    r"t\.me|telegram\.(?:me|dog)|wa\.me|line\.me|lin\.ee|qr\.kakao\.com|open\.kakao\.com|"
    r"pf\.kakao\.com|u\.wechat\.com|weixin\.qq\.com|m\.me|signal\.me|vk\.com|bit\.ly"
)
_URL: Final = re.compile(
    rf"(?:(?:https?|ftp)://|www\.){_URL_TAIL}"
    rf"|(?<![A-Za-z0-9@.\-])(?:{_HOSTS})/{_URL_TAIL}"
    rf"|(?<![A-Za-z0-9@.\-_]){_LABEL}(?:\.{_LABEL})*\.(?:{_TLDS})(?![A-Za-z0-9\-])(?:/{_URL_TAIL})?",
    re.IGNORECASE,
)
# Where each pattern can begin (see scan.py). The local part is a run of these
# characters (case folding adds four outside ASCII; tests/scrub/test_scan.py checks them)
# that cannot begin after one of them, so an address begins where the run ending just
# before its ``@`` begins. At most three characters stand between the two: a space,
# a bracket and a space in ``taro ( at ) example.com``.
_LOCAL_CHARS: Final = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-\u0130\u0131\u017f\u212a"
)
_AT: Final = re.compile(r"@")
_AT_GAP: Final = 1
_AT_DISGUISED_GAP: Final = 3
# ``@|at|アット|あっとまーく|골뱅|艾特|圈a|[*★☆#]`` case-insensitive, spelled out with every
# alternative opening with a literal, so that the engine skips ahead to those characters
# (no other character folds to a, t: tests/scrub/test_scan.py).
_AT_ANY: Final = re.compile(r"@|a[tT]|A[tT]|アット|あっとまーく|골뱅|艾特|圈[aA]|\*|★|☆|#")
# A URL opens with a scheme or ``www.``, or (after the lookbehind) at the start of a run of
# host characters that holds a dot: every host and every domain has one.
# ``(?:https?|ftp)://|www\.`` case-insensitive, opened with an unflagged class of its first
# letters (nothing else folds to h, f or w) so that the engine skips ahead to them.
_URL_SCHEME: Final = re.compile(r"[hHfFwW](?i:(?<=h)ttps?://|(?<=f)tp://|(?<=w)ww\.)")
# ``[A-Za-z0-9.\-]`` case-insensitive: folding lets in four letters outside ASCII (İ ı ſ K).
_HOST_CHARS: Final = frozenset(string.ascii_letters + string.digits + ".-\u0130\u0131\u017f\u212a")
# A URL without a scheme begins at the start of a run of host characters in which a dot
# is followed by a letter: every host and every domain has one before its top-level
# domain, while the dots of decimals and of sentences run together (``어요.1978``) have
# none. Such dots are rare in a note, so they are found first and each run is walked
# back to its start, instead of every run of Latin letters and digits being looked into.
_HOST_LETTERS: Final = "A-Za-z\u0130\u0131\u017f\u212a"
_DOT_LETTER: Final = re.compile(f"\\.(?=[{_HOST_LETTERS}])")
_URL_TRAILING: Final = ".,;:!?)]}'\"-"
_CJK_STOPS: Final = frozenset("，、。！？；（）「」『』【】〈〉《》\u3000")

# ``(?<![A-Za-z0-9._%+\-@])@...``, the lookbehind moved after the ``@`` it guards.
# A placeholder's closing bracket counts as the word it replaced: ``@あ0@あ0`` keeps its
# second, glued ``@`` on a second pass too (scrubbing is idempotent).
_HANDLE: Final = re.compile(
    r"@(?<![A-Za-z0-9._%+\-@］\]]@)[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,30}[A-Za-z0-9_])?"
)

# The apps people name before an ID, with the nicknames chat uses for them: 卫星, 绿泡泡,
# 加V and 加微 for WeChat (卫星 not before the words of a satellite phone or dish),
# 텔레 and 텔그 for Telegram, 페북 for Facebook, 위쳇 and 웨이신 as Koreans spell WeChat.
_APPS: Final = (
    r"微信号?|weixin|we ?chat|vx|v信|wx|威信|薇信|卫星(?![电通天定导信图])|"
    r"绿泡泡|加v|加微|"
    r"\bv：|\bv:|QQ号?|Q号|扣扣|큐큐|企鹅号|LINE|ライン|らいん|"
    r"kakao ?talk|kakao|カカオトーク|カカオ|카카오톡|카톡|카카오|라인|위챗|위쳇|웨이신|"
    r"ウィーチャット|ウィチャット|텔레그램|텔레|텔그|telegram|テレグラム|电报|纸飞机|小飞机|飞机号|"
    r"\btg(?![A-Za-z0-9])|signal|シグナル|시그널|whats ?app|ワッツアップ|왓츠앱|"
    r"viber|zalo|skype|スカイプ|"
    r"facebook|フェイスブック|페이스북|페북|脸书|instagram|インスタ(?:グラム)?|인스타(?:그램)?|"
    r"twitter|ツイッター|트위터|微博|抖音号?|快手号?|小红书号?|B站|哔哩哔哩|"
    r"tiktok|ティックトック|틱톡|imo|"
    r"ID|アイディー?|アカウント|아이디|계정|账号|帳號|帐号|用户名|ユーザー名|user ?name"
)
_GAP: Final = (
    r"(?:[\s:：=＝→>\-「『\"'“‘(（【\[《〈<]|の|は|が|を|で|的|是|为|為|는|은|이|가|를|号码|號碼|号|番号|"
    r"아이디|아뒤|아디|계정|ID|アイディー?|アカウント|账号|帐号|搜索|搜|添加|:|"
    r"사용자 ?명|유저 ?네임|user ?name|ユーザー ?ネーム|ユーザー名|用户名|用戶名){0,8}"
)
_MESSENGER: Final = re.compile(
    rf"(?:{_APPS}){_GAP}(?P<id>[A-Za-z0-9][A-Za-z0-9_.\-]{{2,39}})", re.IGNORECASE
)
# An ID given a few words after the app, with the sentence between (일본 이모는 라인만
# 해요 yuki.t0312, 카톡 아이디 알려드릴게요 songhee77, 加个微信吧 abc123, LINE交換しま
# しょう abc_123): the first Latin word after the app, over text holding no Latin letter
# or digit, if it has the shape of an account (see _looks_like_account). Tried where
# _MESSENGER is, as every app here is one of _APPS.
_FAR_APPS: Final = (
    r"微信|weixin|we ?chat|vx|v信|wx|威信|薇信|绿泡泡|QQ|抖音|快手|小红书|"
    r"LINE|ライン|kakao ?talk|kakao|"
    r"カカオトーク|カカオ|카카오톡|카톡|카카오|라인|위챗|위쳇|웨이신|ウィーチャット|ウィチャット|"
    r"텔레그램|텔레|텔그|telegram|テレグラム|电报|纸飞机|飞机|signal|シグナル|시그널|"
    r"whats ?app|왓츠앱|instagram|インスタ(?:グラム)?|인스타(?:그램)?|아이디|アイディー?|账号|帐号"
)
# A word for "ID" said between the app and a word of letters alone, or in capitals, or
# opening with a digit, makes that word the ID (카톡 아이디 알려드릴게요 kimsunhee,
# KIM1234, 88kim); without one, such a word is taken for prose, a flight or a model.
_ID_WORDS: Final = ("아이디", "아디", "아뒤", "ID", "id", "アイディ", "账号", "帐号", "用户名")
# A QQ number is all digits (他的QQ号我记得是 1234567, 큐큐 번호 알려드려요 1234567): the
# first number after the app's name, unless a unit or a currency makes it a count or money.
_FAR_ID: Final = re.compile(
    r"(?:QQ|Q号|扣扣|큐큐|企鹅号)[^A-Za-z0-9@\n]{1,12}(?P<qq>[1-9][0-9]{4,10})(?![0-9])"
    rf"|(?:{_FAR_APPS})(?:[^A-Za-z0-9@\n]|id(?![A-Za-z0-9])){{1,20}}"
    r"(?P<id>[A-Za-z0-9][A-Za-z0-9_.\-]{3,39})(?![A-Za-z0-9_@])",
    re.IGNORECASE,
)
# Another ID after the first: listed (카톡 아이디 abc123 또는 abc_456, 微信 abc123、abc456)
# or changed to (카톡 아이디 mom0523 → 바꿨어요 mom_0523_new 로, 改成 abc_456): the next
# Latin word over a few characters holding no Latin letter or digit, if it has the shape
# of an account.
_NEXT_ID: Final = re.compile(
    r"[^A-Za-z0-9@\n]{1,12}?(?P<id>[A-Za-z][A-Za-z0-9_.\-]{3,39})(?![A-Za-z0-9_@])"
)
_MAX_NEXT_IDS: Final = 3
_MIN_LETTERS_ID: Final = 4
# Another Latin word right after: the word is English prose, not an ID said alone.
_PROSE_GOES_ON: Final = re.compile(r" [A-Za-z]")
_WXID: Final = re.compile(r"(?<![A-Za-z0-9_])wxid_[A-Za-z0-9_\-]{4,30}")
# Words that open a device's or product's name, not an account (iPhone13, ios17, v13),
# and the names of files sent over the app (scan_001.pdf).
_PRODUCT: Final = re.compile(
    r"(?:iphone|ipad|galaxy|note|pixel|redmi|mate|nova|ios|android|win|windows|macos|v|ver"
    r"|covid|am|pm|top|vip|svip|lv|level)[0-9]|.*\.(?:jpe?g|png|gif|heic|pdf|docx?|hwp|xlsx?|zip|mp[34]|mov|txt)$",
    re.IGNORECASE,
)
# An app's version written with its word (LINE ver13.2.0, 카톡 ver.10.4.3).
_VERSION_WORD: Final = re.compile(r"(?:ver(?:sion)?\.?)(?=[0-9])", re.IGNORECASE)


def _is_version(ident: str) -> bool:
    word = _VERSION_WORD.match(ident)
    return VERSION.fullmatch(ident, word.end() if word else 0) is not None


def _letters_id(ident: str) -> bool:
    """Whether a word of letters alone, said to be an ID, can be one (kimsunhee)."""
    return (
        len(ident) >= _MIN_LETTERS_ID
        and any(ch.islower() for ch in ident)
        and ident.lower() not in _NOT_AN_ID
        and _PRODUCT.match(ident) is None
    )


def _named_id(ident: str) -> bool:
    """Whether a word said to be an ID can be one: letters alone (kimsunhee), or letters
    and digits in any case or order (KIM1234, 88kim), not a version or a product."""
    if _letters_id(ident):
        return True
    return (
        any(ch.isalpha() for ch in ident)
        and any(ch.isdigit() for ch in ident)
        and not _is_version(ident)
        and _PRODUCT.match(ident) is None
    )


def _looks_like_account(ident: str) -> bool:
    """Whether a Latin word met away from its label is shaped like an account name: a
    lower-case letter (flight and model numbers are capitals: KE123, S23) and a digit or
    ``_``; no version, no product."""
    return (
        any(ch.islower() for ch in ident)
        and any(ch.isdigit() or ch == "_" for ch in ident)
        and not _is_version(ident)
        and _PRODUCT.match(ident) is None
    )


# Latin text (addresses, user names) is full of the first letters of app words, so a
# Latin letter is a start only where the next one can follow it in an app word.
_MESSENGER_START: Final = re.compile(opening_pairs(_APPS))
# The apps' own services, never an account whatever closes them (LINE Payで, 카톡 Pay로).
_APP_SERVICES: Final = frozenset({"pay", "wallet"})
_NOT_AN_ID: Final = frozenset(
    [
        "id",
        "line",
        "kakao",
        "kakaotalk",
        "talk",
        "wechat",
        "weixin",
        "qq",
        "telegram",
        "signal",
        "whatsapp",
        "viber",
        "zalo",
        "skype",
        "app",
        "and",
        "or",
        "the",
        "ok",
        "no",
        "yes",
        "group",
        "call",
        "video",
        "message",
        "account",
        "number",
        "open",
        "chat",
        "pay",
        "not",
        "facebook",
        "instagram",
        "twitter",
        "tiktok",
        "url",
        "http",
        "https",
        "www",
        "com",
        "net",
        "org",
        "mail",
        "email",
        # Platforms and editions named after an app (텔레그램 iOS 11.2.1, LINE for PC).
        "ios",
        "android",
        "windows",
        "mac",
        "macos",
        "pc",
        "web",
        "desktop",
        "iphone",
        "ipad",
        "galaxy",
        "lite",
        "beta",
        "for",
        "version",
        "ver",
        # English said in passing in a chat (카톡 아이디 없어요 sorry).
        "sorry",
        "thanks",
        "thank",
        "please",
        "okay",
        "hello",
        "haha",
        "good",
        "nice",
    ]
)


def _url_end(view: View, start: int, end: int) -> int:
    """Cut a URL at CJK punctuation typed after it (``，`` folds to ``,`` in the view)."""
    for index in range(start, end):
        if view.original[view.starts[index]] in _CJK_STOPS:
            return index
    return end


def _strip_url(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _URL_TRAILING:
        end -= 1
    return end


def email_starts(text: str, at: re.Pattern[str], gap: int) -> list[int]:
    """Where an e-mail address can begin whose ``@`` (or disguise) ``at`` finds, with
    at most ``gap`` characters between its local part and that ``@``."""
    found: set[int] = set()
    for sign in starts(at, text):
        for end in range(max(0, sign - gap), sign + 1):
            pos = end
            while pos > 0 and text[pos - 1] in _LOCAL_CHARS:
                pos -= 1
            if pos < end:
                found.add(pos)
    return sorted(found)


def host_run_starts(text: str) -> list[int]:
    """The start of every run of host characters that holds a dot followed by a letter."""
    found: list[int] = []
    last = -1  # the previous such dot: a walk back that reaches it is in its run
    for dot in starts(_DOT_LETTER, text):
        pos = dot
        while pos > 0 and text[pos - 1] in _HOST_CHARS and pos - 1 != last:
            pos -= 1
        if pos == 0 or text[pos - 1] not in _HOST_CHARS:
            found.append(pos)
        last = dot
    return found


def url_starts(text: str) -> list[int]:
    """Where a URL can begin: a scheme, ``www.``, or a run of host characters with a dot."""
    return merged(starts(_URL_SCHEME, text), host_run_starts(text))


def messenger_starts(text: str) -> list[int]:
    """Where a messenger label can begin."""
    return starts(_MESSENGER_START, text)


# A handle written in CJK letters (``@小明爱吃鱼``, ``微博@김철수``): an ``@`` that opens
# no ASCII handle or address, then a run of letters up to a space or punctuation.
_CJK_HANDLE: Final = re.compile(
    r"@(?<![A-Za-z0-9._%+\-@］\]]@)(?=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3])"
    r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3A-Za-z0-9_]{2,20}"
)

# Messenger IDs written before the app's name, as Korean word order has it and as people
# add the app in brackets: ``abc123가 카톡 아이디예요``, ``abc123 (카톡)``, ``abc123是我的微信号``.
# The app's name (and, without a bracket, a word for "ID" after it) is found first; the
# ID is the run of ID characters before it, over a particle, "my" and spaces.
_APP_NAMES: Final = (
    r"微信|weixin|we ?chat|vx|v信|wx|威信|薇信|绿泡泡|QQ|큐큐|扣扣|"
    r"LINE|ライン|kakao ?talk|kakao|カカオトーク|カカオ|카카오톡|카톡|카카오|"
    r"텔레그램|텔레|텔그|telegram|テレグラム|电报|纸飞机|飞机|signal|시그널|whats ?app|왓츠앱|"
    r"라인|위챗|위쳇|웨이신|ウィーチャット|ウィチャット|인스타(?:그램)?|instagram|インスタ(?:グラム)?|"
    r"페북|抖音|快手|小红书"
)
# The app's name alone ties the word before it only through "my" (abc123이 제 위챗이에요,
# abc123是我的微信) or a verb of adding or searching after it (abc123 으로 카톡 추가해주세요).
# The name is matched once, then what follows it.
_APP_AFTER_ID: Final = re.compile(
    rf"[(（【] ?(?:{_APP_NAMES}) ?(?:ID|아이디|号|账号|アカウント)? ?[)）】]"
    rf"|(?:{_APP_NAMES})"
    # 的 closing the clause is "the app's (account)" (sunok7788这个是kakao的，).
    r"(?:(?P<word>(?:의|の|的)? ?(?:아이디|ID|アイディー?|アカウント|계정|账号|帐号|号)"
    r"|的(?=[，,。；;\s]|$))"
    r"|(?P<add>(?:에서|에)? ?(?:추가|검색|친추|친구 ?추가|친구 ?신청|添加|加|搜)))?",
    re.IGNORECASE,
)
_APP_AFTER_START: Final = re.compile(opening_pairs(_APP_NAMES) + r"|\(|（|【")
_ID_CHARS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-")
# "This is" ties a word to what follows as a particle does (abc123 이게 제 카톡 아이디예요).
_PARTICLES: Final = (
    "이게",
    "이건",
    "이거",
    "이가",
    "가",
    "이",
    "는",
    "은",
    "これが",
    "が",
    "は",
    "这个是",
    "这是",
    "就是",
    "是",
    "为",
)
_MY: Final = ("我的", "제", "내", "私の", "僕の")
# Before an app and a verb of adding: "with" (abc123으로 카톡 추가, 用abc123加微信).
_WITH: Final = ("으로", "로", "를", "을", "で", "を")


def _id_before(
    text: str, end: int, *, bracket: bool, bare: bool = False, add: bool = False
) -> tuple[int, int] | None:
    """The messenger ID ending before ``end`` over a particle, "my" and spaces, if any.

    Without a bracket or a particle to tie it to the app, a word before the app's name
    is an ID only if it holds a digit or ``_`` (``hello 카톡 아이디`` is prose). Before
    the app's name alone (``bare``), only "my" or a verb of adding after it (``add``)
    ties the word, and only a word with an account's shape.
    """
    pos = end
    tied = bracket
    mine = False
    for words in (_MY, _WITH if add else _PARTICLES):
        if pos > 0 and text[pos - 1] == " ":
            pos -= 1
        for word in words:
            if text.endswith(word, 0, pos):
                pos -= len(word)
                tied = tied or words is not _MY
                mine = mine or words is _MY
                break
    if bare and not (mine or add):
        return None
    if pos > 0 and text[pos - 1] == " ":
        pos -= 1
    stop = pos
    while pos > 0 and text[pos - 1] in _ID_CHARS:
        pos -= 1
    ident = text[pos:stop].rstrip(".-")
    if pos > 0 and text[pos - 1] == "@":
        return None  # a handle, found as such
    if len(ident) < 3 or not any(ch.isalpha() for ch in ident) or ident.lower() in _NOT_AN_ID:
        return None
    if _is_version(ident):
        return None
    if not tied and not any(ch.isdigit() or ch == "_" for ch in ident):
        return None
    if bare and not _looks_like_account(ident):
        return None
    return pos, pos + len(ident)


# The last character of each word in _MY: a bare name with none of them just before it
# (over a space) is passed over without a closer look.
_MY_ENDS: Final = frozenset(word[-1] for word in _MY)


def _ids_before_app(text: str) -> Iterator[Finding]:
    for match in finditer_at(_APP_AFTER_ID, text, starts(_APP_AFTER_START, text)):
        start = match.start()
        bracket = text[start] in "(（【"
        bare = not bracket and match["word"] is None
        add = match["add"] is not None
        if bare and not add and not _MY_ENDS.intersection(text[max(0, start - 2) : start]):
            continue
        found = _id_before(text, start, bracket=bracket, bare=bare, add=add)
        if found is not None:
            yield Finding(*found, "messenger_id")


# Nicknames on platforms after their label (네이버 카페 닉네임 '봄날의햇살', 닉네임 하늘바라기,
# ニックネーム「さくら」, 昵称"小花猫", 网名叫北方的雪): quoted, or bare up to the first
# particle or punctuation. A name people know someone by online is a handle.
_KO_NICK_WORDS: Final = ("닉네임", "대화명")
_JA_NICK_WORDS: Final = ("ニックネーム", "ハンドルネーム", "ハンネ")
_ZH_NICK_WORDS: Final = ("昵称", "网名", "微博名", "微信名", "抖音名", "快手名")
_NICK_WORDS: Final = (*_KO_NICK_WORDS, *_JA_NICK_WORDS, *_ZH_NICK_WORDS)
_QUOTES: Final = {
    "'": "'",
    '"': '"',
    "“": "”",
    "‘": "’",
    "「": "」",
    "『": "』",
    "【": "】",
    "《": "》",
}
_NICKNAME: Final = re.compile(
    f"(?P<label>{'|'.join(_NICK_WORDS)})"
    # What ties the label to the name: a topic or subject particle, a copula, "called".
    r"(?:[ \t]*(?P<tie>은|는|이|가|は|が|是|为|為|叫做|叫))?[ \t]*[:：=＝]?[ \t]*"
    f"(?:(?P<open>[{''.join(_QUOTES)}])(?P<quoted>[^{''.join(_QUOTES.values())}\n]{{1,30}})"
    f"(?P<close>[{''.join(_QUOTES.values())}])"
    # A bare name: Hangul, kanji, katakana or Latin, never hiragana (Japanese particles
    # are written in it, and end the name).
    r"|(?P<bare>[0-9A-Za-z_.\-\u30a0-\u30ff\u3400-\u9fff\uac00-\ud7a3]{2,30}))"
)
# After the label, words that ask about, forget or change the name rather than give it
# (닉네임이 뭐였는지 기억이 안 나요, ニックネームは変更しました, 昵称是什么, 网名很好听).
_NOT_A_NICK: Final = re.compile(
    r"뭐|뭔|무엇|모르|몰라|기억|없|바꿔|바꾼|바뀐|"
    r"何|覚え|忘れ|分から|変更|変え|"
    r"什么|啥|不|没|忘|记|多少|哪|很|也|都|就|还|又|太|挺|真|非常|好像|一直|被|改|换"
)
# A Korean bare name ends before its copula (하늘바라기예요, 하늘바라기인데); one that
# still ends like a verb is the sentence going on (닉네임 바꿨어요). A one-syllable
# particle goes with the name: nicknames end in 이 or 로 as often as sentences do (곰돌이).
_KO_ENDINGS: Final = (
    "이었는데",
    "였는데",
    "이었어요",
    "였어요",
    "이라서",
    "라서",
    "인데",
    "이라고",
    "라고",
    "이라는",
    "라는",
    "이에요",
    "예요",
    "에요",
    "입니다",
    "이고",
    "이야",
    "으로",
    "이랑",
)
_KO_VERB_ENDS: Final = ("요", "다", "죠", "네", "고", "서", "데")
# A Japanese bare name is followed by a copula, a quoting particle or the end of a clause.
_JA_AFTER: Final = re.compile(r"です|でした|だ|で|と|って|の|さん|$|[\s,.!?、。！？）)]")
# A Chinese bare name ends before a sentence-final particle.
_ZH_END: Final = re.compile(r"[了吗呢吧啊]")


def _bare_nickname(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    start = match.start("bare")
    value = match["bare"].rstrip(".-")  # a full stop after the name, not part of it
    end = start + len(value)
    if _NOT_A_NICK.match(value):
        return None
    label = match["label"]
    if label in _KO_NICK_WORDS:
        ending = next((e for e in _KO_ENDINGS if value.endswith(e) and len(value) > len(e)), "")
        value = value.removesuffix(ending)
        if value.endswith(_KO_VERB_ENDS):
            return None
    elif label in _JA_NICK_WORDS:
        if not _JA_AFTER.match(text, end):
            return None
    else:
        stop = _ZH_END.search(value)
        value = value if stop is None else value[: stop.start()]
    if len(value) < 2:
        return None
    return start, start + len(value)


def _nicknames(text: str) -> Iterator[Finding]:
    # Asked with ``in``, far cheaper than a scan; a label's first character first, as
    # looking for one character is cheaper still.
    if not any(word[0] in text and word in text for word in _NICK_WORDS):
        return
    for match in _NICKNAME.finditer(text):
        if match["quoted"] is None:
            found = _bare_nickname(text, match)
            if found is not None:
                yield Finding(*found, "handle")
        elif _QUOTES[match["open"]] == match["close"]:
            yield Finding(*match.span("quoted"), "handle")


def find_contacts(view: View, locale: str) -> Iterator[Finding]:  # noqa: ARG001
    """Yield e-mail addresses, URLs, handles and labelled messenger IDs."""
    text = view.norm
    for pattern, at, gap in (
        (_EMAIL, _AT, _AT_GAP),
        (_EMAIL_DISGUISED, _AT_ANY, _AT_DISGUISED_GAP),
    ):
        for match in finditer_at(pattern, text, email_starts(text, at, gap)):
            yield Finding(match.start(), match.end(), "email")
    for match in finditer_at(_URL, text, url_starts(text)):
        end = _strip_url(text, match.start(), _url_end(view, match.start(), match.end()))
        if end - match.start() > 4:
            yield Finding(match.start(), end, "url")
    for match in _HANDLE.finditer(text):
        if len(match.group()) >= 4:
            yield Finding(match.start(), match.end(), "handle")
    for match in _CJK_HANDLE.finditer(text):
        yield Finding(match.start(), match.end(), "handle")
    yield from _ids_before_app(text)
    yield from _nicknames(text)
    app_starts = messenger_starts(text)
    labelled: set[int] = set()
    for match in finditer_at(_MESSENGER, text, app_starts):
        labelled.add(match.start())
        ident = match.group("id").rstrip(".-")
        after = text[match.start("id") + len(ident) : match.start("id") + len(ident) + 1]
        # Common English words are IDs only when CJK text closes them (微信号是the，).
        in_prose = after in ("", " ") or (after.isascii() and after.isalpha())
        word = ident.lower()
        if len(ident) < 3 or (word in _NOT_AN_ID and in_prose) or word in _APP_SERVICES:
            continue
        if _is_version(ident):
            continue  # the app's version (Telegram 11.9.2), not an account
        if text.startswith("라인", match.start()) and not any(ch.isalpha() for ch in ident):
            continue  # 라인 is also "a line" (생산 라인 2개): its IDs hold a letter
        start = match.start("id")
        yield Finding(start, start + len(ident), "messenger_id")
        yield from _next_ids(text, start + len(ident))
    # Where a label took the word after it, that word was the first one _FAR_ID takes.
    far_starts = [start for start in app_starts if start not in labelled]
    for match in finditer_at(_FAR_ID, text, far_starts):
        if match["qq"] is not None:
            if is_plain_number(text, *match.span("qq")):
                yield Finding(*match.span("qq"), "messenger_id")
            continue
        ident = match.group("id").rstrip(".-")
        said = text[match.start() : match.start("id")]
        named = any(word in said for word in _ID_WORDS) and not _PROSE_GOES_ON.match(
            text, match.start("id") + len(ident)
        )
        if (ident[0].isalpha() and _looks_like_account(ident)) or (named and _named_id(ident)):
            end = match.start("id") + len(ident)
            yield Finding(match.start("id"), end, "messenger_id")
            yield from _next_ids(text, end)
    # WeChat's own IDs (wxid_ and letters and digits) give themselves away anywhere.
    if "wxid_" in text:
        for match in _WXID.finditer(text):
            yield Finding(match.start(), match.end(), "messenger_id")


def _next_ids(text: str, end: int) -> Iterator[Finding]:
    """The IDs listed or changed to after the one ending at ``end`` (see _NEXT_ID)."""
    for _ in range(_MAX_NEXT_IDS):
        match = _NEXT_ID.match(text, end)
        if match is None:
            return
        ident = match.group("id").rstrip(".-")
        if not _looks_like_account(ident):
            return
        end = match.start("id") + len(ident)
        yield Finding(match.start("id"), end, "messenger_id")
