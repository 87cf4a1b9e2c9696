"""`svg_image`: a server-drawn SVG shown as an image, so its own <style> element needs no inline-style exception
in the Content-Security-Policy (an image's styles do not apply to, nor are governed by, the page)."""

from __future__ import annotations

import base64

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def svg_image(svg: str) -> SafeString | str:
    """An <img> with the SVG as a data: URI; the surrounding element carries the text alternative."""
    if not svg:
        return ""
    encoded = base64.b64encode(str(svg).encode()).decode("ascii")
    return format_html('<img class="kvp-svg-image" alt="" src="data:image/svg+xml;base64,{}">', encoded)
