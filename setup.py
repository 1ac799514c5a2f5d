"""The distribution changde.perfmgmt (budget performance management for Plone 6)."""

from pathlib import Path

from setuptools import find_namespace_packages
from setuptools import setup

long_description = "\n\n".join(
    Path(name).read_text(encoding="utf-8") for name in ("README.md", "CHANGES.rst")
)

setup(
    name="changde.perfmgmt",
    version="0.1.0.dev0",
    description=(
        "Budget performance management (预算绩效管理) for the Changde City Finance "
        "Bureau, its districts and budget units: a Plone 6 add-on."
    ),
    long_description=long_description,
    long_description_content_type="text/markdown",
    classifiers=[
        "Environment :: Web Environment",
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Addon",
        "Programming Language :: Python :: 3.11",
        "Natural Language :: Chinese (Simplified)",
        "License :: OSI Approved :: GNU General Public License v2 (GPLv2)",
    ],
    keywords="Plone budget performance management",
    license="GPL-2.0-only",
    license_files=["LICENSE"],
    package_dir={"": "src"},
    packages=find_namespace_packages("src", include=["changde.*"]),
    include_package_data=True,
    zip_safe=False,
    python_requires=">=3.11",
    install_requires=[
        "Products.CMFPlone>=6.2,<6.3",
        "plone.api",
        "plone.app.dexterity",
        "plone.app.registry",
        "plone.restapi",
        "collective.easyform",
        "openpyxl",
        "chinese-calendar",
        "pypinyin",
        "docxtpl",
        "python-docx",
        "docxcompose",
        "PyYAML",
    ],
    extras_require={
        "test": [
            "plone.app.testing",
            "plone.app.contenttypes",
            "plone.testing",
            "zope.testrunner",
            "requests",
            "pypdf",
            "selenium",
        ],
    },
    entry_points={
        "z3c.autoinclude.plugin": ["target = plone"],
    },
)
