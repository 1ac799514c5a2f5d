"""Extract the messages of the plain-Python rules into a .pot for i18ndude.

The rules import nothing of Zope, so their messages are not ``_()`` calls that
i18ndude finds: they are ``Violation(code, default)`` (and
``Recommendation(rule, action, reason_default)``) literals, written in
``<module>/rules/`` and in the modules that check imported rows. This script
reads them with ``ast`` from every module of the package and writes
``locales/rules.pot``, which `make i18n` merges into the domain's .pot
(``tests/core/test_i18n.py`` uses :func:`rule_messages` to check that both
catalogues translate them).
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "changde" / "perfmgmt"
OUTPUT = PACKAGE / "locales" / "rules.pot"
MESSAGE_CALLS = {
    "Violation": ("code", "default"),
    "Recommendation": ("rule", "reason_default"),
    # monitoring.importer's shorthand for Violation(code, default, field, ...)
    "_violation": ("code", "default"),
}


def literal(node):
    try:
        value = ast.literal_eval(node)
    except ValueError:
        return None
    return value if isinstance(value, str) else None


def messages_in(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", None))
        if name not in MESSAGE_CALLS:
            continue
        id_name, default_name = MESSAGE_CALLS[name]
        values = dict(zip((id_name, default_name), node.args, strict=False))
        values.update({kw.arg: kw.value for kw in node.keywords if kw.arg})
        msgid = literal(values.get(id_name)) if id_name in values else None
        default = literal(values.get(default_name)) if default_name in values else None
        if msgid:
            yield msgid, default or "", node.lineno


def escape(text):
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def rule_messages(package=PACKAGE):
    """{msgid: (default, "path:line")} of every Violation and Recommendation
    literal in the package's Python modules."""
    entries = {}
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package.parent.parent)
        for msgid, default, line in messages_in(path):
            entries.setdefault(msgid, (default, f"{relative}:{line}"))
    return entries


def main():
    entries = rule_messages()
    lines = [
        'msgid ""',
        'msgstr ""',
        '"Content-Type: text/plain; charset=utf-8\\n"',
        '"Content-Transfer-Encoding: 8bit\\n"',
        '"Domain: changde.perfmgmt\\n"',
        "",
    ]
    for msgid, (default, where) in sorted(entries.items()):
        lines += [f'#. Default: "{escape(default)}"', f"#: {where}"]
        lines += [f'msgid "{escape(msgid)}"', 'msgstr ""', ""]
    OUTPUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"{OUTPUT.name}: {len(entries)} rule messages")


if __name__ == "__main__":
    main()
