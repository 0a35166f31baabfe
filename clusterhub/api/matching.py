"""The one place the API asks for match suggestions: it reads the stored ones, as the pages do."""

from search.matching import stored

SHOWN = 20


def for_post(post, viewer_company, is_manager: bool) -> list:
    """The suggestions for a need as its page shows them: all of them to its own company and the managers,
    to another member only how its own company fits."""
    if is_manager or (viewer_company is not None and viewer_company.id == post.company_id):
        return stored.for_need(post, SHOWN)
    if viewer_company is None:
        return []
    found = stored.fit(post, viewer_company)
    return [found] if found else []


def for_company(company) -> list:
    """The partners suggested to a company across its open needs, as on its matches page."""
    return stored.partners_for(company, SHOWN)
