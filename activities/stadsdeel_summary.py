"""What a stadsdeel's catalogue page tells residents about its offer, the public side of the staff
monitor (issue 11): published activities per bouwsteen, and how many look for volunteers. Only the
catalogue's public counts, never an organisation's figures or money.

Made from the counts the filters already have (activities.index), so it costs no query, and it is
cached with the page under the catalogue's version like everything else on it."""

from activities.index import ONLINE


def stadsdeel_summary(groups, flags, query):
    """For a list narrowed to exactly one stadsdeel and nothing else; None otherwise, because with more
    filters the counts would describe the search rather than the stadsdeel."""
    checked = {group["name"]: [option for option in group["options"] if option["checked"]] for group in groups}
    stadsdelen = checked.pop("stadsdeel", [])
    if query or len(stadsdelen) != 1 or any(checked.values()) or any(flag["checked"] for flag in flags):
        return None
    if stadsdelen[0]["value"] == ONLINE:
        return None
    bouwstenen = next(group["options"] for group in groups if group["name"] == "bouwsteen")
    volunteers = next(flag for flag in flags if flag["facet"] == "vrijwilligers")
    return {
        "stadsdeel": stadsdelen[0],
        "bouwstenen": bouwstenen,
        "total": sum(option["count"] for option in bouwstenen),
        "volunteers": volunteers["count"],
    }
