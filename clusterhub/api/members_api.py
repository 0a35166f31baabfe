"""The directory, the board and match suggestions, as JSON: the same services the pages call."""

from flask import g
from flask_login import current_user
from flask_smorest import abort

from clusterhub.api import matching, schemas
from clusterhub.api.blueprint import cluster_blueprint
from clusterhub.api.paging import PageArguments, page_of_list, page_of_statement, page_schema
from clusterhub.companies.directory import directory
from clusterhub.companies.models import Company
from clusterhub.companies.services import can_edit
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from clusterhub.posts.services import board, create_post, set_status, update_post
from clusterhub.security import limits
from search.index import IndexUnavailable
from tenants.access import load_or_404

companies = cluster_blueprint("api_companies", __name__, "The companies in the cluster.")
posts = cluster_blueprint("api_posts", __name__, "Needs, offers and partnership interests on the board.")
matches = cluster_blueprint("api_matches", __name__, "Match suggestions, with the reasons they were made.")

NO_COMPANY = "Your account does not represent a member company in this cluster."
NOT_YOURS = "Only the people of the company that wrote the post and the cluster managers may change it."


class CompanyListArguments(schemas.CompanyFilters, PageArguments):
    pass


class PostListArguments(schemas.PostFilters, PageArguments):
    pass


CompanyPage = page_schema(schemas.CompanySummary, "CompanyPage")
PostPage = page_schema(schemas.Post, "PostPage")


@companies.route("/companies")
@companies.etag
@companies.arguments(CompanyListArguments, location="query", as_kwargs=True)
@companies.response(200, CompanyPage)
def list_companies(cursor, limit, sort, **filters):
    """The member directory, filtered and searched as on its page (text searches every profile field)."""
    return page_of_statement(
        directory({k: v for k, v in filters.items() if v}, sort), {"cursor": cursor, "limit": limit}
    )


@companies.route("/companies/<int:company_id>")
@companies.etag
@companies.response(200, schemas.CompanyProfile)
def get_company(company_id: int):
    """One company's profile."""
    return load_or_404(Company, company_id)


@posts.route("/posts")
@posts.etag
@posts.arguments(PostListArguments, location="query", as_kwargs=True)
@posts.response(200, PostPage)
def list_posts(cursor, limit, **filters):
    """The board, filtered as on its page; by default the open posts, newest first."""
    return page_of_statement(board(**filters), {"cursor": cursor, "limit": limit})


@posts.route("/posts/<int:post_id>")
@posts.etag
@posts.response(200, schemas.Post)
def get_post(post_id: int):
    """One post."""
    return load_or_404(Post, post_id)


@posts.route("/posts", methods=["POST"])
@posts.arguments(schemas.PostInput)
@posts.response(201, schemas.Post)
def create(values):
    """Put a post of your company on the board (a read-write token; counted like posting on the pages)."""
    company = g.membership.company
    if company is None:
        abort(403, message=NO_COMPANY)
    limits.check("posting", f"user:{current_user.id}")
    post = create_post(company, current_user._get_current_object(), **values)
    db.session.commit()
    return post


def _manageable(post_id: int) -> Post:
    post = load_or_404(Post, post_id)
    if not can_edit(g.membership, post.company):
        abort(403, message=NOT_YOURS)
    return post


@posts.route("/posts/<int:post_id>", methods=["PATCH"])
@posts.arguments(schemas.PostChanges(partial=True))
@posts.response(200, schemas.Post)
def update(values, post_id: int):
    """Change your company's post: only the fields sent change."""
    post = _manageable(post_id)
    update_post(post, values)
    db.session.commit()
    return post


@posts.route("/posts/<int:post_id>/close", methods=["POST"])
@posts.response(200, schemas.Post)
def close(post_id: int):
    """Mark your company's open post as fulfilled: it leaves the open board, its conversations stay."""
    post = _manageable(post_id)
    if post.status != "open":
        abort(409, message=f"Only an open post can be closed; this one is {post.status}.")
    set_status(post, "fulfilled")
    db.session.commit()
    return post


def _suggested(find):
    try:
        return find()
    except IndexUnavailable:
        abort(503, message="The search index is being rebuilt. Try again in a few minutes.")


@matches.route("/posts/<int:post_id>/matches")
@matches.etag
@matches.arguments(PageArguments, location="query")
@matches.response(200, page_schema(schemas.Suggestion, "SuggestionPage"))
def post_matches(paging, post_id: int):
    """Companies suggested for a need: all of them for its own company and the managers; for anyone
    else, only how their own company fits it."""
    post = load_or_404(Post, post_id)
    found = _suggested(lambda: matching.for_post(post, g.membership.company, g.membership.is_manager))
    return page_of_list(found, paging)


@matches.route("/matches")
@matches.etag
@matches.arguments(PageArguments, location="query")
@matches.response(200, page_schema(schemas.Partner, "PartnerPage"))
def company_matches(paging):
    """Partners suggested to your company across its open needs."""
    company = g.membership.company
    if company is None:
        abort(403, message=NO_COMPANY)
    return page_of_list(_suggested(lambda: matching.for_company(company)), paging)
