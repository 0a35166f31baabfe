"""The deployment's privacy text: a Markdown file in the instance folder, else the text shipped here."""

from pathlib import Path

from flask import current_app
from flask_babel import get_locale

DEFAULT_TEXTS = Path(__file__).resolve().parent / "texts"


def _candidates(language: str) -> list[Path]:
    chosen = Path(current_app.config["PRIVACY_FILE"])
    return [
        chosen.with_suffix(f".{language}{chosen.suffix}"),
        chosen,
        DEFAULT_TEXTS / f"privacy.{language}.md",
    ]


def privacy_text() -> str:
    """The deployment's text in the reader's language (privacy.lv.md), else its one text, else ours."""
    language = str(get_locale() or "lv")
    return next(path for path in _candidates(language) if path.is_file()).read_text(encoding="utf-8")
