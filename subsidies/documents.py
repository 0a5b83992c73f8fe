"""The beschikking as HTML and as PDF (WeasyPrint), from one Django template per outcome."""

from django.template.loader import render_to_string

TEMPLATES = {
    "verleend": "subsidies/beschikking/verleend.html",
    "deels_verleend": "subsidies/beschikking/verleend.html",
    "afgewezen": "subsidies/beschikking/afgewezen.html",
}


def beschikking_html(besluit):
    aanvraag = besluit.aanvraag
    context = {"besluit": besluit, "aanvraag": aanvraag, "ronde": aanvraag.ronde, "organisation": aanvraag.organisation}
    return render_to_string(TEMPLATES[besluit.outcome], context)


def html_to_pdf(html):
    # Imported here: WeasyPrint loads Pango at import, which only PDF requests need.
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def beschikking_pdf(besluit):
    return html_to_pdf(beschikking_html(besluit))


def beschikking_filename(besluit, extension="pdf"):
    return f"beschikking-{besluit.aanvraag.dossiernummer}.{extension}"
