"""Thai words for people, in one folder so a translator finds them all; code keeps English identifiers.

``from ita_data import labels`` gives every word: ``common`` (indicators, tools, types, statuses, column
headers), ``pages`` (each page's words), ``reports`` (the readers' and ingest's messages), ``limits``
(what a document may cost: the reader's caps, archives, nesting), ``tables`` (the result-table reader's
messages, with their file, sheet, row and cell), ``imports`` (the import page, sign-in), ``store`` (the
database's messages), ``views`` (links, downloads, the data API)
and ``screen`` (``without_gloss``: a message as a screen shows it).
A message names its file or record first, says in Thai what happened, and may end with a short English
gloss in parentheses.
"""

from __future__ import annotations

from .common import *  # noqa: F403
from .imports import *  # noqa: F403
from .limits import *  # noqa: F403
from .pages import *  # noqa: F403
from .reports import *  # noqa: F403
from .screen import without_gloss as without_gloss
from .store import *  # noqa: F403
from .tables import *  # noqa: F403
from .views import *  # noqa: F403
