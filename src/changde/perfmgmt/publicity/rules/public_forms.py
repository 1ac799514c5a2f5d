"""What the public forms accept (the column's feedback form, a training's
sign-up and feedback forms): text people type, the honeypot field that only
robots fill, and the per-address rate limit against a flood of submissions.
No outside service is involved (no captcha provider).

The limits are settings (registry ``changde.perfmgmt.publicity``) whose
defaults are :data:`DEFAULT_PUBLIC_FORM_SETTINGS`.
"""

import re
import unicodedata
from dataclasses import dataclass

from changde.perfmgmt.core.rules.values import is_blank
from changde.perfmgmt.core.rules.violations import Violation


@dataclass(frozen=True)
class PublicFormSettings:
    #: submissions one address may make to one form in a window
    rate_limit: int = 10
    #: the window of the rate limit, in minutes
    rate_window_minutes: int = 10
    #: the longest text of a multi-line field (comments), in characters
    max_text_length: int = 2000
    #: the longest text of a one-line field (a name, a phone number)
    max_line_length: int = 200


DEFAULT_PUBLIC_FORM_SETTINGS = PublicFormSettings()

#: a tag or the start of one as browsers read it: ``<script``, ``</b>``,
#: ``<!--``, ``<?php``; a less-than sign before a number or a space
#: (``执行率<80%``, ``a < b``) is text
MARKUP = re.compile(r"<[/!?]?[A-Za-z!?]")
#: ``javascript:`` and ``data:`` URLs typed as text
SCRIPT_URL = re.compile(r"(?i)\b(?:javascript|vbscript|data)\s*:")


def settings_violations(settings: PublicFormSettings) -> list[Violation]:
    """The settings are usable: every limit a whole number of at least 1."""
    violations = []
    for name in (
        "rate_limit",
        "rate_window_minutes",
        "max_text_length",
        "max_line_length",
    ):
        value = getattr(settings, name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            violations.append(
                Violation(
                    "publicity_setting_not_positive",
                    "${setting} must be a whole number of at least 1.",
                    name,
                    {"setting": name},
                )
            )
    return violations


def honeypot_filled(value) -> bool:
    """Whether the hidden field was filled: people never see it, robots that
    fill every input do."""
    return not is_blank(value)


def has_control_characters(text: str) -> bool:
    """Characters nobody types (NUL, escape, other C0/C1 controls); tabs and
    line breaks are text."""
    return any(
        unicodedata.category(char) == "Cc" and char not in "\t\n\r" for char in text
    )


def text_violations(
    field: str,
    value,
    *,
    required: bool = False,
    multiline: bool = False,
    settings: PublicFormSettings = DEFAULT_PUBLIC_FORM_SETTINGS,
) -> list[Violation]:
    """What is wrong with one text a visitor typed: blank where required
    (white space only counts as blank), longer than the limit, markup or a
    script URL, control characters. Empty optional fields pass."""
    if is_blank(value):
        if required:
            return [
                Violation(
                    "public_form_required",
                    "Please fill in this field.",
                    field,
                )
            ]
        return []
    if not isinstance(value, str):
        return []
    limit = settings.max_text_length if multiline else settings.max_line_length
    violations = []
    if len(value) > limit:
        violations.append(
            Violation(
                "public_form_too_long",
                "At most ${limit} characters (you typed ${length}).",
                field,
                {"limit": limit, "length": len(value)},
            )
        )
    if MARKUP.search(value) or SCRIPT_URL.search(value):
        violations.append(
            Violation(
                "public_form_markup",
                "Please write plain text: HTML tags and scripts (such as "
                "<script>) are not accepted.",
                field,
            )
        )
    if has_control_characters(value):
        violations.append(
            Violation(
                "public_form_control_characters",
                "The text holds invisible control characters; please type it again.",
                field,
            )
        )
    return violations


# --- The rate limit --------------------------------------------------------------


def window_of(timestamp: float, settings: PublicFormSettings) -> int:
    """The number of the rate-limit window holding ``timestamp`` (seconds):
    windows are fixed, ``rate_window_minutes`` long."""
    return int(timestamp // (settings.rate_window_minutes * 60))


def rate_limit_violations(
    submissions_in_window: int, settings: PublicFormSettings
) -> list[Violation]:
    """Refuse one more submission from an address that already sent
    ``rate_limit`` in the current window."""
    if submissions_in_window < settings.rate_limit:
        return []
    return [
        Violation(
            "public_form_rate_limited",
            "Too many submissions from your address: at most ${limit} every "
            "${minutes} minutes. Please try again later.",
            None,
            {"limit": settings.rate_limit, "minutes": settings.rate_window_minutes},
        )
    ]
