"""What the three library folders share."""

from plone.dexterity.content import Container


class LibraryBase(Container):
    """A library folder: ``kind`` (a key of rules.LIBRARY_COLUMNS) and the
    portal type of its members."""

    kind = None
    member_type = None
    #: the confirmed eliminations, oldest first (see libraries.elimination)
    elimination_runs = ()
