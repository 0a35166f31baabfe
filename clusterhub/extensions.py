"""Extensions are created unbound here and bound to the app in the factory."""

from flask_babel import Babel
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_wtf import CSRFProtect

from clusterhub.db import db

migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()

__all__ = ["db", "migrate", "login_manager", "csrf", "babel"]
