from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from subsidies import exports, register

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
    header = [label for _key, label in register.COLUMNS]
    rows = (_csv_row(register.row(besluit)) for besluit in besluiten.iterator(chunk_size=1000))
    return exports.csv_response("subsidieregister.csv", header, rows)


def _csv_row(data):
    """The register's columns, amounts in euros (cents on the page)."""
    return [exports.amount(data[key]) if key.startswith("bedrag") else data[key] for key, _label in register.COLUMNS]
