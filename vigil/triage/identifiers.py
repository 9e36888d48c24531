"""Emails, links, online accounts, vehicle plates and payment identifiers in free text.

Each finder returns (start, end, normalized) tuples whose span is the text as
written. Normal forms are the contract in docs (see entities.py): two tips that
name the same account in different ways must produce the same string.
"""

import re
from functools import lru_cache

from vigil.triage.checksums import (
    is_base58check_address,
    is_bech32_address,
    is_eip55_address,
    is_iban,
)
from vigil.triage.obfuscation import lower_same_length, word_set
from vigil.triage.scanning import matches_starting_with


def _wordlist(words: str) -> list[str]:
    return words.split()


# Common top-level domains: enough for the links tips carry, few enough that
# "end.It" or "file.jpg" are not taken for domains.
TLDS = _wordlist(
    "com net org info biz io co me tv app dev xyz online site club live shop store top vip "
    "link click pro mobi name today world life space website blog news email agency "
    "ly to gg cc ws su ee "
    "uk fr es pt br de it nl be ch at ie pl ro gr ru ua tr mx ar cl pe ve uy py bo ec "
    "ca us au nz za ng ke gh ma dz tn eg sn ci cm in pk bd ph th vn id my sg hk jp cn kr "
    "ae sa qa lu cz hu se no dk fi eu asia"
)
_TLD = "|".join(sorted(TLDS, key=len, reverse=True))
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"

# ---------------------------------------------------------------- emails

# The class first and the look-behind after it: the search skips in C to the
# places an address can start (see _PLATE_PATTERNS).
_EMAIL = re.compile(rf"[a-z0-9](?<![\w.%+-].)[a-z0-9._%+-]*@(?:{_LABEL}\.)+[a-z]{{2,24}}(?![\w-])")
_AT_WORDS = r"at|arroba|arobase|@"
_DOT_WORDS = r"dot|point|punto|ponto|\."
_SPELLED_AT = (
    rf"(?:\s*[(\[{{<]\s*(?:{_AT_WORDS})\s*[)\]}}>]\s*|\s+(?:at|arroba|arobase)\s+|\s+@\s+|\s*@\s*)"
)
_SPELLED_DOT = (
    rf"(?:\s*[(\[{{<]\s*(?:{_DOT_WORDS})\s*[)\]}}>]\s*|\s+(?:dot|point|punto|ponto)\s+|\s*\.\s*)"
)
_SPELLED_EMAIL = re.compile(
    rf"(?<![\w.%+-])(?P<local>[a-z0-9][a-z0-9._+-]*?(?:\s+(?:dot|point|punto|ponto)\s+[a-z0-9_+-]+)*)"
    rf"(?P<at>{_SPELLED_AT})"
    rf"(?P<domain>{_LABEL}(?:{_SPELLED_DOT}{_LABEL})*?{_SPELLED_DOT}(?:{_TLD}))(?![\w-])"
)
_DOMAIN_JOINS = re.compile(rf"{_SPELLED_DOT}")
_AT_HINTS = (" at ", "(at)", "[at]", "{at}", "<at>", "arroba", "arobase", " @ ", "( at )", "[ at ]")
_STRONG_AT_HINTS = _AT_HINTS[1:]
_DOT_HINTS = ("dot", "point", "punto", "ponto")
# Words that stand before "at" in prose ("she works at ..."), never a mailbox.
_NOT_LOCAL = frozenset(
    _wordlist(
        "me us him her them you it is was be are am lives live living works work working stay "
        "stays staying here there home school met meet seen found arrived look looked write email "
        "mail contact reach message online job jobs"
    )
)


def find_emails(text: str) -> list[tuple[int, int, str]]:
    found = []
    low = lower_same_length(text)
    if "@" in text:
        for m in _EMAIL.finditer(low):
            found.append((m.start(), m.end(), m.group()))
    if _may_spell_an_address(low):
        taken = [(s, e) for s, e, _ in found]
        for m in _SPELLED_EMAIL.finditer(low):
            if "@" in m.group("at") and not any(c.isspace() for c in m.group()):
                continue  # a plain address, found above
            if m.group("at").strip() == "at" and "." in m.group("domain"):
                continue  # "a listing at example.com" is a link, not a mailbox
            local = _DOMAIN_JOINS.sub(".", m.group("local"))
            if local in _NOT_LOCAL or overlaps(m.start(), m.end(), taken):
                continue
            domain = _DOMAIN_JOINS.sub(".", m.group("domain"))
            found.append((m.start(), m.end(), f"{local}@{domain}"))
    return found


def _may_spell_an_address(low: str) -> bool:
    if any(hint in low for hint in _STRONG_AT_HINTS):
        return True
    return " at " in low and any(hint in low for hint in _DOT_HINTS)


# ---------------------------------------------------------------- links

# Links are found from their top-level domain (".com", ".co.uk") outwards: a
# search for a literal dot is far cheaper than trying a domain at every word.
_TLD_DOT = re.compile(rf"\.(?:{_TLD})(?![a-z0-9-])")
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-.")
_SCHEME = re.compile(r"https?://$")
_SCHEMED = re.compile(r"https?://[^\s<>\"'`]+")
_PATH_END = re.compile(r"[\s<>\"'`]|$")
_TRAILING = ".,;:!?'\")]}>»…"


def find_urls(text: str) -> list[tuple[int, int, str]]:
    if "." not in text:
        return []
    low = lower_same_length(text)
    found: list[tuple[int, int, str]] = []
    spans: list[tuple[int, int]] = []
    if "http" in low:
        for m in _SCHEMED.finditer(low):
            end = _trim_trailing(text, m.start(), m.end())
            spans.append((m.start(), end))
            normalized = normalize_url(text[m.start() : end])
            if normalized:
                found.append((m.start(), end, normalized))
    last_end = -1
    for m in _TLD_DOT.finditer(low):
        if m.start() < last_end or overlaps(m.start(), m.end(), spans):
            continue
        tld = text[m.start() + 1 : m.end()]
        start = m.start()
        while start > 0 and low[start - 1] in _HOST_CHARS:
            start -= 1
        while start < m.start() and low[start] in ".-":
            start += 1
        if start == m.start() or (start > 0 and low[start - 1] in "@_"):
            continue  # no name before the dot, or an e-mail address / handle
        scheme = _SCHEME.search(low, max(0, start - 8), start)
        if scheme:
            start = scheme.start()
        elif not (tld.islower() or low.startswith("www.", start)):
            continue  # "left.It was late": a missing space, not a domain
        elif start > 0 and low[start - 1] == "/":
            continue
        end = m.end()
        while end < len(low) and (low[end] in _HOST_CHARS):
            end += 1
        if (
            end < len(low)
            and low[end] in "/:?#"
            and (
                low[end] != ":" or low[end + 1 : end + 2].isdigit() or low[end + 1 : end + 2] == "/"
            )
        ):
            end = _PATH_END.search(low, end).start()
        end = _trim_trailing(text, start, end)
        last_end = end
        normalized = normalize_url(text[start:end])
        host = normalized.split("/")[0].split(":")[0]
        if normalized and host.rsplit(".", 1)[-1] in _TLD_SET:
            found.append((start, end, normalized))
    return found


_TLD_SET = frozenset(TLDS)


def _trim_trailing(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAILING:
        # Keep a closing bracket that belongs to the link itself.
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break
        end -= 1
    return end


def normalize_url(url: str) -> str:
    """example.com/path: no scheme, no www., lower-case host, no trailing slash."""
    url = re.sub(r"^https?://", "", url, flags=re.IGNORECASE)
    host, slash, rest = url.partition("/")
    host = host.lower()
    if host.startswith("www."):
        host = host[4:]
    host = host.split("@")[-1]
    if "." not in host:
        return ""
    return (host + slash + rest).rstrip("/")


# ---------------------------------------------------------------- handles

PLATFORMS = {
    "instagram": "instagram", "insta": "instagram", "ig": "instagram", "instagrams": "instagram",
    "snapchat": "snapchat", "snap": "snapchat", "sc": "snapchat", "snapchats": "snapchat",
    "telegram": "telegram", "tg": "telegram", "telegrama": "telegram", "telegrams": "telegram",
    "whatsapp": "whatsapp", "whats": "whatsapp", "wa": "whatsapp", "zap": "whatsapp",
    "tiktok": "tiktok", "tik tok": "tiktok", "tiktoks": "tiktok",
    "facebook": "facebook", "fb": "facebook", "face": "facebook", "messenger": "facebook",
    "twitter": "twitter", "x": "twitter",
    "onlyfans": "onlyfans", "of": "onlyfans",
    "kik": "kik", "discord": "discord", "signal": "signal", "wechat": "wechat",
    "line": "line", "viber": "viber",
}  # fmt: skip
# Names that are ordinary words too: a handle after them needs a colon or an @.
_WEAK = frozenset(
    {"snap", "sc", "wa", "whats", "zap", "x", "of", "line", "signal", "messenger", "face"}
)
# Too common as words to say which platform a later account belongs to.
_NOT_CONTEXT = frozenset({"of", "x", "line", "signal", "wa", "whats"})
_PLATFORM = "|".join(re.escape(p) for p in sorted(PLATFORMS, key=len, reverse=True))
_HANDLE = r"[a-z0-9_](?:[a-z0-9_.]{0,28}[a-z0-9_])?"
_QUOTE = r"[\"'‘’“”«»]?"
# What may stand between a platform's name and the account: "IG: @x",
# "on snap as x", "tiktok account @x", "insta dele: x", "su cuenta de telegram es x".
_GLUE_WORDS = (
    r"account|acct|username|user\s?name|user|handle|name|id|profile|page|called|named|is|as|"
    r"under|by|from|cuenta|usuario|perfil|compte|pseudo|conta|nome|se\s+llama|es|est|é|como|"
    r"comme|chamad[oa]|llamad[oa]|appel[ée]e?|de|do|da|del|du|dele|dela|his|her|their|its|"
    r"sa|son|su|seu|sua|ele|ela|él|ella|il|elle|he|she"
)
_PLATFORM_FIRST = re.compile(
    rf"(?<![\w@./])(?P<platform>{_PLATFORM})\b(?P<glue>(?:\s*(?:[:=(,\-–]|(?:{_GLUE_WORDS})\b))*)"
    rf"\s*{_QUOTE}(?P<at>@)?(?P<handle>{_HANDLE})(?![\w@/]|\.\w)"
)
_HANDLE_FIRST = re.compile(
    rf"(?<![\w@.]){_QUOTE}(?P<at>@)?(?P<handle>{_HANDLE}){_QUOTE}\s*[(\[]?\s*"
    rf"(?:on|sur|en|no|na|em|in|via|from|de)\s+(?P<platform>{_PLATFORM})\b"
)
_PREPOSITIONS = ("on", "sur", "en", "no", "na", "em", "in", "via", "from", "de")
# "(pseudo : darkangel_77)", "username: x": an account named without its platform nearby.
_NAMED_ACCOUNT = re.compile(
    rf"\b(?:username|user\s?name|handle|pseudo|usuario|nome\s+de\s+usu[aá]rio|utilisateur)"
    rf"\s*[:=]?\s*{_QUOTE}(?P<at>@)?(?P<handle>{_HANDLE})(?![\w@]|\.\w)"
)
_AT_HANDLE = re.compile(rf"(?P<at>@)(?<![\w@.+-]@)(?P<handle>{_HANDLE})(?![\w@])")
_PLATFORM_NAMES = frozenset(p for p in PLATFORMS if " " not in p)


@lru_cache(maxsize=256)
def _platform_pattern(names: str) -> re.Pattern:
    """Only the platforms a text names: one pattern with all of them is slow."""
    return re.compile(rf"(?<![\w@./])(?:{names})(?![\w])")


# "it's not OnlyFans, it's on fansly as @x": another place named in between.
_OTHER_PLACE = re.compile(r"\b(?:on|sur|en|no|na|em|via)\s+(?!the\b|a\b|an\b)\w+")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
_THERE = re.compile(r"\s+(?:on\s+there|there|on\s+it|on\s+that\s+app|là-bas|ahí|ali|lá)\b")
# Ordinary words that follow a platform's name in prose.
_NOT_HANDLES = frozenset(
    _wordlist("""
    a an the and or but so to in on at of for from with by as is was are be been it its this
    that there then he she they we you i me him her them his their my your our who which where
    when what how why yes no not account accounts page profile message messages chat chats dm
    dms group groups video videos story stories live call calls post posts photo photos pics
    pic link app number username handle name id user too also again already only just now
    et ou le la les un une des du de en y o el los las con por para que e os as com em no na
    um uma mas pero mais más sus su seu sua son sa ses il elle ele ela él ella dele dela
    """)
)


def find_handles(text: str, masked: list[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    original, text = text, lower_same_length(text)
    words = word_set(original)  # shared with the other finders
    present = list(_PLATFORM_NAMES.intersection(words))
    if "tik" in words:
        present.append("tik tok")
    platforms = []
    if present:
        pattern = _platform_pattern("|".join(sorted(present, key=lambda p: (-len(p), p))))
        firsts = [p.split()[0] for p in present]  # "tik tok" starts with "tik"
        for m in matches_starting_with(pattern, text, firsts):
            platforms.append((m.start(), m.end(), m.group()))
    if platforms:
        _platform_first(original, text, platforms, found)
        for m in _handle_first(text, platforms):
            handle = m.group("handle")
            if not (m.group("at") or _looks_like_handle(handle)):
                continue
            platform = PLATFORMS[_platform_key(m.group("platform"))]
            start = m.start("at") if m.group("at") else m.start("handle")
            found.append((start, m.end("handle"), f"{platform}:{handle}"))
    named = []
    if any(word in text for word in _NAMED_HINTS):
        named = [
            m
            for m in matches_starting_with(_NAMED_ACCOUNT, text, _NAMED_FIRSTS)
            if _looks_like_handle(m.group("handle"))
        ]
    bare = list(_AT_HANDLE.finditer(text)) if "@" in text else []
    for m in named + bare:
        handle = m.group("handle")
        if not any(c.isalpha() for c in handle):
            continue
        start = m.start("at") if m.group("at") else m.start("handle")
        if overlaps(start, m.end("handle"), [(s, e) for s, e, _ in found]):
            continue
        platform = _platform_nearby(text, start, m.end("handle"), platforms)
        found.append((start, m.end("handle"), f"{platform}:{handle.lower()}"))
    kept = []
    for start, end, value in sorted(found, key=lambda f: (f[0], -f[1])):
        if overlaps(start, end, masked) or overlaps(start, end, [(s, e) for s, e, _ in kept]):
            continue
        kept.append((start, end, value))
    return kept


_NAMED_HINTS = ("user", "handle", "pseudo", "usuario", "usuário")
# How every _NAMED_ACCOUNT match starts.
_NAMED_FIRSTS = ("user", "handle", "pseudo", "usuario", "nome", "utilisateur")


def _platform_first(original: str, text: str, platforms, found: list) -> None:
    for p_start, _, _ in platforms:
        m = _PLATFORM_FIRST.match(text, p_start)
        if m is None:
            continue
        handle = m.group("handle")
        glue = m.group("glue") or ""
        explicit = bool(m.group("at")) or ":" in glue or "=" in glue
        word = original[m.start("platform") : m.end("platform")]
        if not _plausible(handle, word, explicit, glue):
            continue
        platform = PLATFORMS[_platform_key(m.group("platform"))]
        start = m.start("at") if m.group("at") else m.start("handle")
        found.append((start, m.end("handle"), f"{platform}:{handle}"))


def _handle_first(text: str, platforms):
    """ "@x on tiktok", "'dcmanager_jobs' on telegram": the account just before the name."""
    for p_start, p_end, _ in platforms:
        window_start = max(0, p_start - 45)
        # Every match ends "<preposition> <platform>": with no preposition just
        # before the name, the slow search could find nothing.
        before = text[window_start:p_start]
        stripped = before.rstrip()
        if len(stripped) == len(before) or not stripped.endswith(_PREPOSITIONS):
            continue
        for m in _HANDLE_FIRST.finditer(text, window_start, p_end):
            if m.end("platform") == p_end:
                yield m
                break


def _platform_nearby(text: str, start: int, end: int, platforms) -> str:
    """The platform named just before an account in the same sentence, else "unknown"."""
    before = [p for p in platforms if p[1] <= start and p[2].lower() not in _NOT_CONTEXT]
    if not before:
        return "unknown"
    p_start, p_end, word = before[-1]
    between = text[p_end:start]
    if _THERE.match(text, end):
        return PLATFORMS[_platform_key(word)]
    if len(between) > 60 or _SENTENCE_END.search(between) or _OTHER_PLACE.search(between):
        return "unknown"
    return PLATFORMS[_platform_key(word)]


def _platform_key(word: str) -> str:
    return _SPACES.sub(" ", word.lower())


_SPACES = re.compile(r"\s+")


def _looks_like_handle(handle: str) -> bool:
    return any(c.isdigit() or c in "_." for c in handle) and any(c.isalpha() for c in handle)


def _plausible(handle: str, platform_word: str, explicit: bool, glue: str) -> bool:
    if not any(c.isalpha() for c in handle) or handle.lower() in _NOT_HANDLES:
        return False
    if handle.lower() in PLATFORMS:
        return False
    if explicit or _looks_like_handle(handle):
        return True
    weak = platform_word.lower() in _WEAK or platform_word.isupper() and len(platform_word) <= 2
    named = re.search(r"\b(?:as|called|named|username|user|handle|is|es|é|est)\b", glue)
    return bool(named) and not weak and handle.islower()


# ---------------------------------------------------------------- plates

# Each alternative is written without its first character, which the class at
# the front stands for: a pattern opening with a class is searched for in C
# (opening with the look-behind, it would be tried at every position).
_PLATE_PATTERNS = re.compile(
    r"""
    [A-Z\d](?<![\w-].)(?:
      (?<=[A-Z])(?:
        [A-Z]\d{2}\s?[A-Z]{3}                        # UK   AB12 CDE
      | [A-Z]-\d{3}-[A-Z]{2}                          # FR   AB-123-CD
      | [A-Z]\s\d{3}\s[A-Z]{2}                        # FR   AB 123 CD
      | [A-Z]-\d{2}-[A-Z]{2}                          # PT   AB-12-CD
      | [A-Z]-\d{2}-\d{2}                             # PT   AB-12-34
      | [A-Z]{2}-\d{4} | [A-Z]{2}\d[A-Z]\d{2}         # BR   ABC-1234, ABC1D23
      )
    | (?<=\d)(?:
        \d{3}[\s-]?[BCDFGHJKLMNPRSTVWXYZ]{3}          # ES   1234 BCD
      | \d-[A-Z]{2}-\d{2} | \d-\d{2}-[A-Z]{2}           # PT   12-AB-34, 12-34-AB
      | -[A-Z]{3}-\d{3}                               # BE   1-ABC-234
      )
    )(?![\w-])
    """,
    re.VERBOSE,
)
_PLATE_WORDS = (
    r"number\s*plates?|licen[cs]e\s+plates?|licen[cs]e|plates?|plate\s+number|registration|"
    r"reg|rego|tag|tags|plaque|plaques|immatricul[ée]e?|immatriculation|matr[ií]cula|"
    r"placas?|chapa|patente"
)
_PLATE_KEYWORD = re.compile(rf"(?<![a-z])(?:{_PLATE_WORDS})(?![a-z])")
_PLATE_HINTS = ("plat", "reg", "licen", "tag", "plaq", "matr", "placa", "chapa", "patente")
# How the plate words start where no hint does ("number plate", "immatriculée").
_PLATE_FIRST_WORDS = ["number", "immatricul"]
_PLATE_PART = re.compile(r"[A-Za-z0-9]+")
_CLAUSE_END = re.compile(r"[.!?;,](?:\s|$)|\n")


# The shape of a text's bytes: capital letters A, digits 0, whitespace and
# hyphens a space, other ASCII a dot, and every byte of a non-ASCII character X
# (to the patterns it may be a digit of another script or a no-break space).
def _shape_of(byte: int) -> int:
    if byte >= 128:
        return ord("X")
    char = chr(byte)
    if "A" <= char <= "Z":
        return ord("A")
    if "0" <= char <= "9":
        return ord("0")
    return ord(" ") if char.isspace() or char == "-" else ord(".")


_SHAPE = bytes(_shape_of(b) for b in range(256))
# Every plate pattern has a capital letter next to a digit, or one separator
# apart; an IBAN starts with two capitals and two digits. X stands in for a
# character that might be a digit or a separator.
# Written to open with a character class, which the search skips to in C.
_PLATE_SHAPE = re.compile(rb"[A0X](?:(?<=A)[ X]?[0X]|(?<=[0X])[ X]?A)")
_IBAN_SHAPE = re.compile(rb"AA(?:00|0X|X)")


@lru_cache(maxsize=32)
def text_shape(text: str) -> bytes:
    """Letters, digits and separators as one byte each: substring tests in C."""
    return text.encode("utf-8", "surrogatepass").translate(_SHAPE)


def find_plates(text: str, masked: list[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    found = []
    if _PLATE_SHAPE.search(text_shape(text)):  # the patterns are slow to try everywhere
        for m in _PLATE_PATTERNS.finditer(text):
            found.append((m.start(), m.end(), _compact(m.group())))
    low = lower_same_length(text)
    hints = [hint for hint in _PLATE_HINTS if hint in low]
    if hints:
        for m in matches_starting_with(_PLATE_KEYWORD, low, hints + _PLATE_FIRST_WORDS):
            plate = _plate_after(text, m.end())
            if plate:
                found.append(plate)
    kept = []
    for start, end, value in sorted(found, key=lambda f: (f[0], -f[1])):
        if overlaps(start, end, masked) or overlaps(start, end, [(s, e) for s, e, _ in kept]):
            continue
        kept.append((start, end, value))
    return kept


def _plate_after(text: str, at: int):
    """The first plate-shaped run of groups in the clause after "plate", "reg", "placa"…"""
    window_end = min(len(text), at + 45)
    clause = _CLAUSE_END.search(text, at, window_end)
    if clause:
        window_end = clause.start()
    parts = [p.span() for p in _PLATE_PART.finditer(text, at, window_end)][:8]
    chunks = [text[a:b] for a, b in parts]
    # joined[k]: parts k and k + 1 are one space or hyphen apart.
    joined = [text[a:b] in (" ", "-") for (_, a), (b, _) in zip(parts, parts[1:], strict=False)]
    for i in range(len(parts)):
        for j in range(min(len(parts), i + 4), i, -1):
            if not all(joined[i : j - 1]):
                continue
            compact = "".join(chunks[i:j])
            if (
                5 <= len(compact) <= 8
                and any(c.isdigit() for c in compact)
                and any(c.isalpha() for c in compact)
                and all(_plate_chunk(c) for c in chunks[i:j])
            ):
                return parts[i][0], parts[j - 1][1], compact.upper()
    return None


def _plate_chunk(chunk: str) -> bool:
    has_digit = any(c.isdigit() for c in chunk)
    return chunk.isupper() or chunk.isdigit() or (has_digit and chunk.isascii())


def _mostly_upper(candidate: str) -> bool:
    letters = [c for c in candidate if c.isalpha()]
    return sum(c.isupper() for c in letters) >= len(letters) - 1 if letters else True


def _compact(plate: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", plate).upper()


# ---------------------------------------------------------------- payments

_CASHTAG = re.compile(r"\$(?P<tag>[A-Za-z][A-Za-z0-9_]{1,19})(?![\w$])")
_BECH32 = re.compile(r"(?:bc1|BC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{8,87}(?!\w)")
_BASE58 = re.compile(r"[13][1-9A-HJ-NP-Za-km-z]{25,34}(?!\w)")
_ETH = re.compile(r"0x[0-9a-fA-F]{40}(?!\w)")
# "[A-Z][A-Z]", not "[A-Z]{2}": see _PLATE_PATTERNS.
_IBAN = re.compile(r"[A-Z][A-Z]\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?(?!\w)")


def find_payments(text: str) -> list[tuple[int, int, str]]:
    """Cashtags, and crypto addresses and IBANs whose checksum holds."""
    found = []
    if "$" in text:
        for m in _CASHTAG.finditer(text):
            if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "$"):
                found.append((m.start(), m.end(), f"cashtag:${m.group('tag').lower()}"))
    if "bc1" in text or "BC1" in text:
        for m in _BECH32.finditer(text):
            if _starts_word(text, m.start()) and is_bech32_address(m.group()):
                found.append((m.start(), m.end(), f"btc:{m.group()}"))
    for m in _BASE58.finditer(text):
        if _starts_word(text, m.start()) and is_base58check_address(m.group()):
            found.append((m.start(), m.end(), f"btc:{m.group()}"))
    if "0x" in text:
        for m in _ETH.finditer(text):
            if _starts_word(text, m.start()) and is_eip55_address(m.group()):
                found.append((m.start(), m.end(), f"eth:{m.group().lower()}"))
    ibans = _IBAN.finditer(text) if _IBAN_SHAPE.search(text_shape(text)) else ()
    for m in ibans:
        if _starts_word(text, m.start()):
            iban = _iban_in(text, m.start(), m.end())
            if iban:
                found.append(iban)
    return found


def _starts_word(text: str, at: int) -> bool:
    return at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_")


def _iban_in(text: str, start: int, end: int):
    """The longest valid IBAN from start: the pattern may run into the next word."""
    while end > start:
        compact = re.sub(r"\s", "", text[start:end])
        if is_iban(compact):
            return start, end, f"iban:{compact}"
        cut = text.rfind(" ", start, end)
        if cut <= start:
            return None
        end = cut
    return None


def overlaps(start: int, end: int, spans) -> bool:
    """Whether [start, end) shares a character with one of the spans."""
    return any(start < e and s < end for s, e in spans)
