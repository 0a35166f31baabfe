"""ClusterHub: members-only collaboration platforms for business clusters."""

from pathlib import Path

from flask import Flask
from flask_sqlalchemy.session import Session

from clusterhub import cli, errors, fragments, i18n, models  # noqa: F401  (models: every mapper registered)
from clusterhub.accounts.sessions import SessionCookie
from clusterhub.accounts.views import bp as accounts_bp
from clusterhub.accounts.views import keep_session_seen, load_user
from clusterhub.admin.views import bp as admin_bp
from clusterhub.admission.views import bp as applications_bp
from clusterhub.admission.views import public as admission_bp
from clusterhub.api import setup as api_setup
from clusterhub.api.views import bp as api_tokens_bp
from clusterhub.api.views import cluster_bp as cluster_api_tokens_bp
from clusterhub.catalogue.views import bp as catalogue_bp
from clusterhub.companies.views import bp as companies_bp
from clusterhub.conferences import scoping as conference_scoping
from clusterhub.conferences.views import bp as conferences_bp
from clusterhub.conferences.views import cluster_bp as cluster_conferences_bp
from clusterhub.config import DEFAULTS, engine_options, from_environment, instance_folder, stored_secret_key
from clusterhub.dashboard.views import bp as dashboard_bp
from clusterhub.db import tune_sqlite
from clusterhub.events.views import bp as events_bp
from clusterhub.extensions import babel, csrf, db, login_manager, migrate
from clusterhub.feeds.views import bp as feeds_bp
from clusterhub.groups.views import bp as groups_bp
from clusterhub.home.views import bp as home_bp
from clusterhub.indicators.views import bp as indicators_bp
from clusterhub.invitations.views import bp as invitations_bp
from clusterhub.labels import label
from clusterhub.markup import initials, render_markdown
from clusterhub.members.views import bp as members_bp
from clusterhub.navigation import IdConverter
from clusterhub.network.views import bp as network_bp
from clusterhub.news.views import bp as news_bp
from clusterhub.news.views import digest_bp
from clusterhub.notifications import services as notifications
from clusterhub.notifications.views import bp as notifications_bp
from clusterhub.onboarding.views import bp as onboarding_bp
from clusterhub.ops import logs as ops_logs
from clusterhub.ops import timing
from clusterhub.ops.views import bp as ops_bp
from clusterhub.posts.views import bp as posts_bp
from clusterhub.privacy.views import bp as privacy_bp
from clusterhub.ratings.views import bp as ratings_bp
from clusterhub.security import headers, limits, once
from clusterhub.stories.views import bp as stories_bp
from clusterhub.transfer.views import bp as transfer_bp
from search import hooks as search_hooks
from search import index as search_index
from search.matching.brokering import bp as brokering_bp
from search.matching.views import bp as matches_bp
from search.views import bp as search_bp
from search.vocabulary.suggestions import bp as tag_suggestions_bp
from search.vocabulary.views import bp as vocabulary_bp
from tenants import scoping
from tenants import services as tenant_services
from tenants.views import bp as clusters_bp

ROOT = Path(__file__).resolve().parent.parent
BLUEPRINTS = (
    home_bp,
    accounts_bp,
    feeds_bp,
    clusters_bp,
    companies_bp,
    invitations_bp,
    ratings_bp,
    posts_bp,
    notifications_bp,
    transfer_bp,
    search_bp,
    matches_bp,
    brokering_bp,
    vocabulary_bp,
    tag_suggestions_bp,
    events_bp,
    onboarding_bp,
    catalogue_bp,
    news_bp,
    digest_bp,
    groups_bp,
    network_bp,
    stories_bp,
    admission_bp,
    applications_bp,
    indicators_bp,
    members_bp,
    dashboard_bp,
    conferences_bp,
    cluster_conferences_bp,
    ops_bp,
    admin_bp,
    privacy_bp,
    api_tokens_bp,
    cluster_api_tokens_bp,
)


def create_app(config: dict | None = None) -> Flask:
    """Build the application; `config` overrides what the environment says."""
    # The instance folder (the defaults of the index, mail and privacy file, a generated secret key) is
    # this server's own; CLUSTERHUB_INSTANCE_DIR puts it outside the code.
    app = Flask(__name__, template_folder=str(ROOT / "templates"), instance_path=instance_folder())
    app.jinja_env.trim_blocks = app.jinja_env.lstrip_blocks = True
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["initials"] = initials
    app.jinja_env.globals["label"] = label
    fragments.init_app(app)
    app.config.from_mapping(DEFAULTS)
    app.config.from_mapping(from_environment(app.instance_path))
    app.config.from_mapping(config or {})
    app.config["BABEL_DEFAULT_TIMEZONE"] = app.config["TIME_ZONE"]
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = stored_secret_key(app.instance_path)
    ops_logs.init_app(app)  # first: every later hook's log lines carry the request id
    timing.install(app)  # next: the CPU time wraps the whole request

    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = engine_options(app.config)
    db.init_app(app)
    tune_sqlite(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.user_loader(load_user)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = i18n.LOGIN_MESSAGE
    login_manager.login_message_category = "info"
    i18n.init_app(app, babel)
    scoping.install(Session)
    conference_scoping.install(Session)
    notifications.install(Session)
    tenant_services.install(Session)
    once.install(Session)
    search_index.configure(app)
    search_hooks.install(app, Session)
    app.session_interface = SessionCookie()
    app.before_request(keep_session_seen)
    app.after_request(notifications.mail_committed)
    errors.init_app(app)
    limits.install(app)
    headers.install(app)
    app.url_map.converters["int"] = IdConverter  # before the routes: each rule picks its converter when added
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    api_setup.init_app(app)
    cli.init_app(app)
    return app
