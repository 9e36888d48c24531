"""Checksums of payment identifiers: a typo or an invented string never links tips.

Bitcoin base58check and bech32/bech32m, Ethereum's EIP-55 mixed-case checksum
(Keccak-256, which is not hashlib's SHA3-256: the padding differs) and the
IBAN's ISO 7064 mod 97-10.
"""

import hashlib

from Crypto.Hash import keccak

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_INDEX = {c: i for i, c in enumerate(_B58)}


def is_base58check_address(address: str) -> bool:
    """A legacy (1…) or script (3…) Bitcoin address whose checksum holds."""
    number = 0
    for ch in address:
        digit = _B58_INDEX.get(ch)
        if digit is None:
            return False
        number = number * 58 + digit
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    raw = b"\0" * (len(address) - len(address.lstrip("1"))) + raw
    if len(raw) != 25:
        return False
    payload, check = raw[:-4], raw[-4:]
    digest = hashlib.sha256(hashlib.sha256(payload).digest()).digest()
    return digest[:4] == check and payload[0] in (0x00, 0x05)


_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_CONST = 1
_BECH32M_CONST = 0x2BC830A3


def _polymod(values: list[int]) -> int:
    generator = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for value in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ value
        for i in range(5):
            chk ^= generator[i] if (top >> i) & 1 else 0
    return chk


def is_bech32_address(address: str, hrp: str = "bc") -> bool:
    """A segwit Bitcoin address (bc1…) whose bech32 or bech32m checksum holds."""
    if address.lower() != address and address.upper() != address:
        return False  # mixed case is invalid bech32 by definition
    address = address.lower()
    if not address.startswith(hrp + "1") or not 14 <= len(address) <= 90:
        return False
    data = []
    for ch in address[len(hrp) + 1 :]:
        index = _BECH32.find(ch)
        if index < 0:
            return False
        data.append(index)
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    constant = _polymod(expanded + data)
    if constant not in (_BECH32_CONST, _BECH32M_CONST):
        return False
    version = data[0] if data else -1
    # Version 0 uses bech32, later versions bech32m (BIP 350).
    return (version == 0) == (constant == _BECH32_CONST) and 0 <= version <= 16


def keccak256(data: bytes) -> bytes:
    """Keccak-256 as Ethereum uses it (original padding 0x01, not SHA3's 0x06)."""
    return keccak.new(data=data, digest_bits=256).digest()


def is_eip55_address(address: str) -> bool:
    """0x + 40 hex digits; when the case is mixed it must follow the EIP-55 checksum."""
    hexpart = address[2:]
    if hexpart == hexpart.lower() or hexpart == hexpart.upper():
        return True
    digest = keccak256(hexpart.lower().encode("ascii")).hex()
    for ch, nibble in zip(hexpart, digest[:40], strict=True):
        if ch.isalpha() and ch.isupper() != (int(nibble, 16) >= 8):
            return False
    return True


# Lengths by country (SWIFT IBAN registry), for the countries tips come from most.
IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
    "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
    "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18,
    "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24,
    "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24,
    "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip


def is_iban(compact: str) -> bool:
    """An IBAN without spaces, upper-case, of its country's length, passing mod 97."""
    if IBAN_LENGTHS.get(compact[:2]) != len(compact) or not compact.isalnum():
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1
