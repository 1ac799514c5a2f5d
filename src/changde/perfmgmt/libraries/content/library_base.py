"""What the three library folders share."""

from plone.dexterity.content import Container

from changde.perfmgmt.libraries.ordering import ORDERING_NAME


class LibraryBase(Container):
    """A library folder: ``kind`` (a key of rules.LIBRARY_COLUMNS) and the
    portal type of its members."""

    kind = None
    member_type = None
    #: the confirmed eliminations, oldest first (see libraries.members)
    elimination_runs = ()
    #: members in pinyin order wherever the folder is listed (ordering.py)
    _ordering = ORDERING_NAME
