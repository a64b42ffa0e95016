"""HTML to PDF with WeasyPrint. The keuzenota's template carries its own print CSS and inline
SVG charts, so nothing is fetched over the network while rendering."""

from __future__ import annotations

import logging

# WeasyPrint reports every layout step at INFO; that is noise in the server log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def _geen_netwerk(url: str, *args: object, **kwargs: object) -> dict[str, object]:
    # Refuse every external resource: a PDF must not depend on (or leak to) another server.
    raise ValueError(f"Geen externe bronnen in een PDF: {url}")


def html_naar_pdf(html: str) -> bytes:
    from weasyprint import HTML

    pdf = HTML(string=html, url_fetcher=_geen_netwerk).write_pdf()
    assert pdf is not None
    return bytes(pdf)
