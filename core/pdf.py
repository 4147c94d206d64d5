"""Render a Django template to PDF with WeasyPrint (no JavaScript in PDFs)."""

import io

import pikepdf
from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string


def render_pdf(template_name: str, context: dict, *, request=None) -> bytes:
    html = render_to_string(template_name, context, request=request)
    return html_to_pdf(html, base_url=request.build_absolute_uri("/") if request else None)


def html_to_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """The PDF of an HTML document already rendered (for a caller that keys a cache on the HTML)."""
    import weasyprint  # imported late: it loads Pango, which only PDF pages need

    return weasyprint.HTML(string=html, base_url=base_url or str(settings.BASE_DIR)).write_pdf()


def pdf_response(pdf: bytes, filename: str, *, inline: bool = False) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


# What a PDF may do by itself when opened, and what it may carry inside: none of it belongs in a
# paper. Document actions (/OpenAction, additional actions /AA), JavaScript, launch actions and
# embedded files go; links to web addresses and within the document stay.
UNSAFE_ACTIONS = {
    "/JavaScript",
    "/Launch",
    "/ImportData",
    "/SubmitForm",
    "/ResetForm",
    "/Rendition",
    "/GoToE",
}


class UnreadablePdf(ValueError):
    """The bytes are not a PDF that can be read (and so cannot be cleaned)."""


def without_active_content(pdf: bytes) -> bytes:
    """The PDF with its active content removed (JavaScript, launch and other unsafe actions,
    automatic actions, embedded files and file attachments); the pages are untouched.
    `UnreadablePdf` when the file cannot be read as a PDF."""
    try:
        document = pikepdf.open(io.BytesIO(pdf))
    except pikepdf.PdfError as error:
        raise UnreadablePdf(str(error)) from error
    with document:
        root = document.Root
        for key in ("/OpenAction", "/AA"):
            if key in root:
                del root[key]
        if "/Names" in root:
            for key in ("/JavaScript", "/EmbeddedFiles"):
                if key in root.Names:
                    del root.Names[key]
        if "/AcroForm" in root and "/XFA" in root.AcroForm:
            del root.AcroForm["/XFA"]
        for page in document.pages:
            if "/AA" in page.obj:
                del page.obj["/AA"]
            if "/Annots" not in page.obj:
                continue
            kept = pikepdf.Array()
            for annotation in page.obj.Annots:
                if annotation.get("/Subtype") == "/FileAttachment":
                    continue
                if "/AA" in annotation:
                    del annotation["/AA"]
                action = annotation.get("/A")
                if action is not None and action.get("/S") in UNSAFE_ACTIONS:
                    del annotation["/A"]
                kept.append(annotation)
            page.obj.Annots = kept
        output = io.BytesIO()
        document.save(output)
    return output.getvalue()
