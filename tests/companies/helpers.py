"""Helpers for the company tests: member companies without people, and forms read as a browser sends them."""

from datetime import date
from html.parser import HTMLParser
from io import BytesIO

from PIL import Image
from sqlalchemy import select

from clusterhub.companies.models import Company
from clusterhub.companies.services import admit_company, company_named, update_profile
from clusterhub.extensions import db
from tenants.context import cross_tenant, tenant_scope
from tenants.models import Tenant


def _tenant(slug: str) -> Tenant:
    return db.session.scalar(select(Tenant).where(Tenant.slug == slug))


def add_company(app, tenant_slug: str, name: str, member_since: date | None = None, **profile) -> int:
    """A committed member company with a profile (text fields, sectors, competences, roles…); its id."""
    with app.app_context(), tenant_scope(_tenant(tenant_slug)):
        company = company_named(name, member_since)
        update_profile(company, None, profile)
        db.session.commit()
        return company.id


def admit_elsewhere(app, company_id: int, tenant_slug: str, member_since: date | None = None) -> None:
    """Make a company of one cluster a member of another cluster too."""
    with app.app_context():
        with cross_tenant():
            company = db.session.get(Company, company_id)
        with tenant_scope(_tenant(tenant_slug)):
            admit_company(company, member_since)
        db.session.commit()


def image_bytes(kind: str = "PNG", size: tuple[int, int] = (16, 8), pixels: bytes | None = None) -> bytes:
    """A real image file made with Pillow."""
    image = Image.frombytes("RGB", size, pixels) if pixels else Image.new("RGB", size, (140, 28, 46))
    out = BytesIO()
    image.save(out, kind)
    return out.getvalue()


class _FormReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.values: dict = {}
        self._textarea = self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind == "checkbox":
                if "checked" in attrs:
                    self.values.setdefault(name, []).append(attrs.get("value", "y"))
            elif kind not in ("submit", "file"):
                self.values[name] = attrs.get("value", "")
        elif tag == "textarea":
            self._textarea, self.values[name] = name, ""
        elif tag == "select":
            self._select, self.values[name] = name, ""
        elif tag == "option" and self._select and "selected" in attrs:
            self.values[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            # HTML drops the newline that follows <textarea>; so does a browser when it sends the form.
            text = self.values[self._textarea].replace("\r\n", "\n")
            self.values[self._textarea] = text.removeprefix("\n")
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data


def form_values(page: str) -> dict:
    """What a browser would send from the page's form if nobody changed anything."""
    reader = _FormReader()
    reader.feed(page)
    return reader.values


def edit_profile(visitor, tenant_slug: str, company_id: int, **changes):
    """Open the edit page, change some fields, send the form; returns the response."""
    path = f"/c/{tenant_slug}/companies/{company_id}/edit"
    values = form_values(visitor.get(path).get_data(as_text=True))
    values.update(changes)
    return visitor.post(path, values)
