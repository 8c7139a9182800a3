"""HTML to PDF with WeasyPrint: it lays out the same HTML and print stylesheet the handbook
writes, paginates with CSS (page numbers, page breaks, "keep together"), embeds the locally
installed fonts, and needs no browser or network. An optional extra (`playbook[print]`), so the
app itself installs without it.
"""

from __future__ import annotations


class PdfUnavailable(Exception):
    """WeasyPrint (or the Pango library it draws text with) is not installed."""


def to_pdf(html: str) -> bytes:
    """The PDF of a self-contained HTML document. Reproducible: the same HTML gives the same bytes
    (a fixed document identifier, no creation date)."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: the Pango library is missing
        raise PdfUnavailable(
            f"PDF output needs WeasyPrint: pip install 'playbook[print]' ({error.__class__.__name__}: {error})"
        ) from None
    # base_url None and a fetcher that refuses everything: nothing outside the document is read.
    document = HTML(string=html, base_url=None, url_fetcher=_refuse)
    # Whole fonts: the subsetter writes a different font table on every run, and a binder must
    # reprint to the same bytes (about 1.5 MB of DejaVu, once per document).
    return document.write_pdf(pdf_identifier=b"playbook", full_fonts=True)


def _refuse(url: str, *args: object, **kwargs: object) -> dict:
    raise ValueError(f"printed documents are self-contained; refused to fetch {url[:80]}")
