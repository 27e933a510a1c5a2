"""Text as the records keep it: only characters a Word document (XML 1.0) and a PDF can hold.

Minutes pasted from a web page, a chat program or a terminal can carry control characters (BEL,
ESC, NUL …). Stored, they made every later export of the year fail in python-docx ("All strings
must be XML compatible"). So text is cleaned where it enters (the services, the roster importer)
and again where documents are written (records stored before this cleaning existed).
"""

from __future__ import annotations

import re

# Line breaks of other systems and programs, made "\n": CR LF and CR (old Mac, some Windows
# controls), and the vertical tab and form feed Word puts for a manual line or page break, so
# two lines pasted from it do not run together.
_LINE_BREAK_RE = re.compile("\r\n?|[\x0b\x0c]")
# What XML 1.0 cannot hold or Word refuses: the C0 controls but tab and newline, DEL, the C1
# controls, lone surrogates (half of a character, from a broken copy) and U+FFFE/U+FFFF.
_UNWRITABLE_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def strip_control_chars(value: object) -> str:
    """``value`` as text without control characters: tab and newline are kept (CR LF, CR, VT
    and FF become newlines); the rest of C0, DEL, C1, lone surrogates, U+FFFE and U+FFFF are
    dropped. None is ""."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return _UNWRITABLE_RE.sub("", _LINE_BREAK_RE.sub("\n", text))
