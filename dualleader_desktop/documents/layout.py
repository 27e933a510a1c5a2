"""Layout profiles: GB/T 9704-2012 by default, or one read off a school's own Word template
(documents/school_template.py).

Numbers from DOMAIN.md: A4, margins top 37, bottom 35, left 28, right 26 mm; body 仿宋 三号
(16 pt) at a fixed line pitch that gives 22 lines on the 225 mm text block; title 小标宋 二号
(22 pt), centred; level-1 headings 黑体, level-2 楷体, both 三号; page
numbers 四号 宋体 "— 1 —" at the outer bottom edge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

MM_TO_PT = 72 / 25.4
# table cells, alike in both renderers so each row is as tall in Word as in the PDF: the
# line pitch in the cell's type size, the space above and below the text (reportlab's default
# padding), and a header row's shading
CELL_LEADING = 1.4
NOTE_LEADING = 1.5  # a note under a table (Style.NOTE): its line pitch in its type size
PAGE_NUMBER_BELOW_MM = 7  # GB/T 9704 7.5: the page number's line 7 mm under the text block
CELL_TOP_BOTTOM_PT = 3
HEADER_FILL = "F0F0F0"


@dataclass(frozen=True)
class LayoutProfile:
    name: str
    page_width_mm: float = 210
    page_height_mm: float = 297
    top_mm: float = 37
    bottom_mm: float = 35
    left_mm: float = 28
    right_mm: float = 26
    lines_per_page: int = 22
    chars_per_line: int = 28
    body_size: float = 16
    title_size: float = 22
    table_size: float = 12
    page_number_size: float = 14
    cell_padding_pt: float = 3  # left and right of a table cell's text, in Word and PDF alike
    # the faces the .docx names, for Chinese and Latin text alike (as the PDF draws both with
    # one face); where Word lacks one it takes the next (docx_render.WORD_FONTS: 仿宋_GB2312,
    # else 仿宋; 方正小标宋简体, else 宋体)
    body_font: str = "仿宋_GB2312"
    title_font: str = "方正小标宋简体"
    heading1_font: str = "黑体"
    heading2_font: str = "楷体_GB2312"
    page_number_font: str = "宋体"
    # a school's template (documents/school_template.py): the .docx the Word files are written
    # into, and its header's text, which the PDF prints header_mm under the page's top edge
    template: bytes | None = field(default=None, repr=False)
    header_text: str = ""
    header_mm: float = 15
    header_size: float = 10.5

    @property
    def char_pitch_pt(self) -> float:
        """How far a body character steps: GB/T 9704's 28 characters on the 156 mm line, in
        whole twentieths of a point, rounded down (15.75 pt). Word sets 16 pt type that much
        closer (w:spacing); the PDF draws the body at this size (documents/text_lines.py)."""
        width = (self.page_width_mm - self.left_mm - self.right_mm) * MM_TO_PT
        return min(self.body_size, math.floor(width / self.chars_per_line * 20) / 20)

    @property
    def line_pitch_pt(self) -> float:
        """Fixed line spacing that fits ``lines_per_page`` lines in the text block, in whole
        twentieths of a point, rounded down: Word keeps an exact line spacing in twips, and
        22 × 29.0 pt (28.99 rounded to the nearest twip) overflows the 637.8 pt text block, so
        Word and LibreOffice would fit only 21 lines. Both renderers use this value."""
        text_height = self.page_height_mm - self.top_mm - self.bottom_mm
        return math.floor(text_height * MM_TO_PT / self.lines_per_page * 20) / 20


GBT_9704 = LayoutProfile(name="GB/T 9704-2012 党政机关公文格式")
