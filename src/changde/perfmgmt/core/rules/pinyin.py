"""Ordering names by pinyin (R-P4)."""

import unicodedata

from pypinyin import Style
from pypinyin import lazy_pinyin

#: The reading of a character when it is a surname, where that is not its most
#: common reading (which is what pypinyin gives): 曾国藩 is Zeng, not Ceng.
SURNAME_READINGS = {
    "曾": "zeng",
    "单": "shan",
    "仇": "qiu",
    "解": "xie",
    "区": "ou",
    "朴": "piao",
    "查": "zha",
    "覃": "qin",
    "盖": "ge",
    "翟": "zhai",
    "缪": "miao",
    "尉": "yu",
}


def pinyin_sort_key(name: str, *, person: bool = False) -> tuple[tuple[str, ...], str]:
    """Sort key ordering names by tone-less pinyin: 李四 (li) before 张三 (zhang).

    The key is ``(syllables, name)``: the lower-case, tone-less pinyin
    syllables of ``name`` (``pypinyin.lazy_pinyin``, ``Style.NORMAL``), then
    the name itself to break ties (同音 names, or 李娜 and "Li Na") the same way
    every time. Latin letters and digits are kept as they are (lower-cased, split
    on spaces), so Latin names sort among Chinese ones by their spelling; the
    name is NFKC-normalised first, so full-width ``Ｌｉ`` sorts as ``li``.

    A character with several readings gets its most common one, except that
    the first character of a ``person``'s name is read as a surname
    (:data:`SURNAME_READINGS`): 曾伟 sorts as zeng wei, 单丽 as shan li.
    """
    normalised = unicodedata.normalize("NFKC", name).strip()
    syllables = []
    for chunk in lazy_pinyin(normalised, style=Style.NORMAL):
        syllables.extend(part.casefold() for part in chunk.split())
    if person and syllables and normalised[:1] in SURNAME_READINGS:
        syllables[0] = SURNAME_READINGS[normalised[0]]
    return (tuple(syllables), name)


def pinyin_sort_string(name: str, *, person: bool = False) -> str:
    """:func:`pinyin_sort_key` as one string, for a catalog index (sort_on).

    Syllables are joined by ``\\x01`` and the name follows after ``\\x00``, so
    comparing the strings orders exactly as comparing the keys: a shorter
    syllable sequence sorts before a longer one it begins (李 before 李娜), a
    syllable before a longer one it begins (li before lin), then the name.
    """
    syllables, original = pinyin_sort_key(name or "", person=person)
    return "\x01".join(syllables) + "\x00" + original
