import csv

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from subsidies import register

PAGE_SIZE = 50


@require_safe
def register_list(request):
    """The public register of granted subsidies, searchable, with the filtered list as CSV."""
    filterset = register.RegisterFilter(request.GET, queryset=register.granted())
    besluiten = filterset.qs if filterset.is_valid() else register.granted().none()
    if request.GET.get("formaat") == "csv":
        return _csv(besluiten)
    page = Paginator(besluiten, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "filterset": filterset,
        "page": page,
        "rows": [register.row(besluit) for besluit in page.object_list],
        "columns": register.COLUMNS,
        "query": params.urlencode(),
    }
    return render(request, "subsidies/register.html", context)


def _csv(besluiten):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="subsidieregister.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the accents right
    writer = csv.writer(response, delimiter=";")
    writer.writerow([str(label) for _key, label in register.COLUMNS])
    for besluit in besluiten.iterator(chunk_size=1000):
        data = register.row(besluit)
        for key in ["bedrag_aangevraagd", "bedrag_verleend"]:
            data[key] = f"{data[key] / 100:.2f}".replace(".", ",")
        writer.writerow([data[key] for key, _label in register.COLUMNS])
    return response
