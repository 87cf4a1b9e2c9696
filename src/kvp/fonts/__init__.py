"""The fonts KVP's PDFs embed, shipped with the package (their licences are beside them).

DejaVu Sans writes Latin, Greek and Cyrillic; Noto Sans Arabic writes the Arabic script (Arabic, Dari,
Persian, Urdu) and Noto Sans Ethiopic the Ge'ez script (Tigrinya, Amharic). fpdf2 shapes the text with
HarfBuzz (joining forms, ligatures, right-to-left order) and takes each character the current font lacks
from the first family in the chain that has it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fpdf import FPDF

FONT_DIR = Path(__file__).resolve().parent
LATIN = "DejaVu"
ARABIC = "NotoSansArabic"
ETHIOPIC = "NotoSansEthiopic"
# family → style ("" regular, "B" bold) → file; the order is the fallback chain.
FAMILIES = {
    LATIN: {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"},
    ARABIC: {"": "NotoSansArabic-Regular.ttf", "B": "NotoSansArabic-Bold.ttf"},
    ETHIOPIC: {"": "NotoSansEthiopic-Regular.ttf", "B": "NotoSansEthiopic-Bold.ttf"},
}


def add_fonts(pdf: FPDF) -> None:
    """Every family in both styles, the fallback chain, and HarfBuzz shaping."""
    for family, files in FAMILIES.items():
        for style, filename in files.items():
            pdf.add_font(family, style, str(FONT_DIR / filename))
    pdf.set_fallback_fonts(list(FAMILIES))
    pdf.set_text_shaping(True)
