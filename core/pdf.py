"""Render a Django template to PDF with WeasyPrint (no JavaScript in PDFs)."""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string


def render_pdf(template_name: str, context: dict, *, request=None) -> bytes:
    import weasyprint  # imported late: it loads Pango, which only PDF pages need

    html = render_to_string(template_name, context, request=request)
    base_url = request.build_absolute_uri("/") if request else str(settings.BASE_DIR)
    return weasyprint.HTML(string=html, base_url=base_url).write_pdf()


def pdf_response(pdf: bytes, filename: str, *, inline: bool = False) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
