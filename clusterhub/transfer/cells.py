"""One cell of an imported file as a value, or a message saying what is wrong with it."""

import re
import unicodedata
from datetime import date, datetime
from functools import cache
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email
from flask_babel import force_locale, lazy_ngettext

from clusterhub.companies.services import clean_list
from clusterhub.i18n import LANGUAGES
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.labels import LABELS
from clusterhub.transfer.csvfile import split_list
from clusterhub.transfer.report import Problem

# ISO as the export writes it, and the day-first form a Latvian Excel turns it into when it saves the file.
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")


class CellError(ValueError):
    """A cell that cannot be read; `message` (a lazy string) says why."""

    def __init__(self, message):
        super().__init__("invalid cell")
        self.message = message


# Words that join the parts of a label: people leave them out or write a slash instead.
JOINING_WORDS = frozenset({"and", "un"})


def _fold(text: str) -> str:
    # "Rīga", "riga" and "RIGA" are one region; "education_research", "education/research", "Education and
    # research" and "Izglītība un pētniecība" are one role.
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[\W_]+", " ", plain.casefold()).split()
    return " ".join(word for word in words if word not in JOINING_WORDS)


@cache
def _vocabulary(name: str) -> dict[str, str]:
    """Every accepted spelling of a vocabulary's values: the code, the English and the Latvian label.

    Cached for the process: the catalogue is compiled before the app starts and does not change.
    """
    spellings = {}
    for language in LANGUAGES:
        with force_locale(language):
            spellings.update({_fold(str(label)): code for code, label in LABELS[name].items()})
    spellings.update({_fold(code): code for code in LABELS[name]})
    return spellings


def _too_long(max_length: int) -> CellError:
    return CellError(
        lazy_ngettext("At most %(num)d character, please.", "At most %(num)d characters, please.", max_length)
    )


def one_line(max_length: int):
    """A name or title: spaces and line breaks collapsed."""

    def parse(cell: str) -> str:
        value = " ".join(cell.split())
        if len(value) > max_length:
            raise _too_long(max_length)
        return value

    return parse


def text(cell: str) -> str:
    """A description or a post's body: paragraphs kept, Windows line ends made plain."""
    return cell.replace("\r\n", "\n").replace("\r", "\n").strip()


def names(max_length: int):
    """A list of free words (sectors, competences, tags), separated by semicolons."""

    def parse(cell: str) -> list[str]:
        items = clean_list(split_list(cell))
        if any(len(item) > max_length for item in items):
            raise _too_long(max_length)
        return items

    return parse


def _code(vocabulary: str, word: str) -> str:
    code = _vocabulary(vocabulary).get(_fold(word))
    if code is None:
        raise CellError(
            _l(
                "“%(value)s” is not known here. Use one of: %(codes)s.",
                value=word,
                codes=", ".join(LABELS[vocabulary]),
            )
        )
    return code


def one_of(vocabulary: str):
    """One value of a fixed vocabulary (size, region, kind…), by its code or its English or Latvian name."""
    return lambda cell: _code(vocabulary, cell)


def some_of(vocabulary: str):
    """Several values of a fixed vocabulary (roles), separated by semicolons."""
    return lambda cell: list(dict.fromkeys(_code(vocabulary, word) for word in split_list(cell)))


def day(cell: str) -> date:
    """A date, 2024-03-15 or 15.03.2024."""
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(cell.rstrip("."), pattern).date()
        except ValueError:
            continue
    raise CellError(_l("“%(value)s” is not a date. Write it as 2024-03-15.", value=cell))


def email(cell: str) -> str:
    """An e-mail address, as the sign-in form would accept it."""
    try:
        return validate_email(cell, check_deliverability=False).normalized
    except EmailNotValidError:
        raise CellError(_l("“%(value)s” is not an e-mail address.", value=cell)) from None


def website(max_length: int):
    """A web address; "www.example.lv" is taken to mean https://www.example.lv."""

    def parse(cell: str) -> str:
        value = cell if re.match(r"https?://", cell, re.IGNORECASE) else f"https://{cell}"
        host = urlsplit(value).hostname or ""
        if re.search(r"\s", value) or "." not in host:
            raise CellError(_l("“%(value)s” is not a web address.", value=cell))
        if len(value) > max_length:
            raise _too_long(max_length)
        return value

    return parse


def registration_number(max_length: int):
    """A company's registration number, spaces taken out (40003 012 345 is 40003012345)."""

    def parse(cell: str) -> str:
        value = "".join(cell.split())
        if len(value) > max_length:
            raise _too_long(max_length)
        return value

    return parse


def parse_row(
    number: int, cells: dict, parsers: dict, required: tuple[str, ...]
) -> tuple[dict, list[Problem]]:
    """The values of one row's non-empty cells, and a problem for each cell that cannot be read."""
    values, problems = {}, []
    for column, parse in parsers.items():
        cell = cells.get(column, "")
        if not cell:
            if column in required:
                problems.append(Problem(number, column, _l("This cell must not be empty.")))
            continue
        try:
            values[column] = parse(cell)
        except CellError as error:
            problems.append(Problem(number, column, error.message))
    return values, problems
