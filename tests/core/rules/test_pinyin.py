"""Tests of changde.perfmgmt.core.rules.pinyin (plain unittest, no Zope)."""

import unittest

from changde.perfmgmt.core.rules.pinyin import pinyin_sort_key
from changde.perfmgmt.core.rules.pinyin import pinyin_sort_string


class PinyinSortKeyTests(unittest.TestCase):
    def test_four_names(self):
        names = ["张伟", "李娜", "王芳", "艾米"]
        self.assertEqual(
            sorted(names, key=pinyin_sort_key), ["艾米", "李娜", "王芳", "张伟"]
        )

    def test_li_before_zhang(self):
        self.assertLess(pinyin_sort_key("李四"), pinyin_sort_key("张三"))

    def test_key_is_toneless_lowercase_pinyin(self):
        self.assertEqual(pinyin_sort_key("张伟"), (("zhang", "wei"), "张伟"))

    def test_syllable_order(self):
        # li na < lin: compared syllable by syllable, like a dictionary
        self.assertLess(pinyin_sort_key("李娜"), pinyin_sort_key("林"))

    def test_latin_names(self):
        names = ["Zoe", "adam", "Bob Smith", "李娜"]
        self.assertEqual(
            sorted(names, key=pinyin_sort_key),
            ["adam", "Bob Smith", "李娜", "Zoe"],
        )
        self.assertEqual(pinyin_sort_key("Bob  Smith")[0], ("bob", "smith"))
        self.assertEqual(pinyin_sort_key("\uff2c\uff49")[0], ("li",))

    def test_ties_broken_by_name(self):
        # 李娜 and 李纳 read the same; the order is still fixed
        first = sorted(["李纳", "李娜"], key=pinyin_sort_key)
        second = sorted(["李娜", "李纳"], key=pinyin_sort_key)
        self.assertEqual(first, second)
        self.assertEqual(pinyin_sort_key("李娜")[0], pinyin_sort_key("李纳")[0])

    def test_empty_name(self):
        self.assertEqual(pinyin_sort_key(""), ((), ""))

    def test_surnames_of_people(self):
        # 曾 is read ceng, except as a surname; organisations are not people
        self.assertEqual(pinyin_sort_key("曾伟")[0], ("ceng", "wei"))
        self.assertEqual(pinyin_sort_key("曾伟", person=True)[0], ("zeng", "wei"))
        names = ["单丽", "曾伟", "仇明", "蔡文"]
        self.assertEqual(
            sorted(names, key=lambda name: pinyin_sort_key(name, person=True)),
            ["蔡文", "仇明", "单丽", "曾伟"],
        )
        # only the first character is a surname
        self.assertEqual(pinyin_sort_key("李曾", person=True)[0], ("li", "ceng"))


class TestPinyinSortString(unittest.TestCase):
    def test_orders_like_the_key(self):
        names = ["张三", "李四", "李", "李娜", "林", "艾青", "Zhou Li", "曾", "Ｌｉ"]
        by_key = sorted(names, key=pinyin_sort_key)
        by_string = sorted(names, key=pinyin_sort_string)
        self.assertEqual(by_string, by_key)

    def test_empty_name(self):
        self.assertEqual(pinyin_sort_string(""), "\x00")
