"""Rows for the schema of any revision: reflect the tables, fill one or two rows in each, read them back.

Every column gets a value (nullable ones too, so that what a migration copies is really there): a plain
value of its type, unless ROWS says otherwise for the values a CHECK or a reference needs. A table or a
column an older revision does not have yet is left out, so the same rows fit every revision.
"""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import (
    ARRAY,
    JSON,
    Boolean,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    String,
    inspect,
    select,
)
from sqlalchemy.dialects.postgresql import TSVECTOR

from clusterhub.collation import latvian_sort_key

WHEN = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
DAY = date(2026, 3, 14)

# A row naming NEEDS is written only where that column exists: a conference needs its organiser column
# (the revision that brought conferences), since earlier schemas require a cluster for every event.
NEEDS = "_needs"

ROWS = {
    "tenants": [{"slug": "alfa"}],
    "users": [
        {"email": "anna@alfa.lv", "language": "lv"},
        {"email": "olga@clusterhub.lv", "language": "en"},
    ],
    "companies": [
        {
            # A sort key that belongs to the name, as the app writes it (migrations recompute it).
            "name": "Ābele",
            "name_sort": latvian_sort_key("Ābele"),
            "registration_number": "40003000001",
            "size": "small",
            "region": "kurzeme",
            "logo_type": "image/png",
        },
        {
            "name": "Bite",
            "name_sort": latvian_sort_key("Bite"),
            "registration_number": "40003000002",
            "size": None,
            "region": None,
            "logo": None,
            "logo_type": None,
        },
    ],
    "memberships": [{"role": "manager"}, {"user_id": 2, "company_id": 2, "role": "member"}],
    "company_memberships": [{"left_reason": "left"}, {"company_id": 2, "left_on": None, "left_reason": None}],
    "invitations": [{"email": "new@alfa.lv", "role": "member"}],
    "company_roles": [{"role": "producer"}],
    "company_tags": [{"kind": "sector"}],
    "posts": [{"kind": "need", "category": "export", "status": "open"}],
    "post_regions": [{"region": "riga"}],
    "ratings": [{"rated_company_id": 2}],
    "rating_events": [{"action": "created"}],
    "threads": [{"recipient_company_id": 2}],
    "messages": [{"company_id": 2}],
    "match_dismissals": [{"partner_company_id": 2}],
    "network_requests": [{"to_company_id": 2}],
    "network_threads": [{"other_company_id": 2}],
    "search_outbox": [{"doc_key": "post:1"}],
    "digest_deliveries": [{"status": "sent"}],
    "services": [{"kind": "training"}],
    "success_stories": [{"status": "published"}],
    "applications": [{"status": "accepted"}],
    "admission_requests": [{"status": "accepted"}],
    "representation_requests": [{"status": "accepted"}],
    "events": [
        {
            "kind": "member_meeting",
            "organiser_id": None,
            "slot_minutes": None,
            "tables": None,
            "host_tenant_id": None,
        },
        {
            NEEDS: "organiser_id",
            "kind": "conference",
            "tenant_id": None,
            "organiser_id": 2,
            "slot_minutes": 20,
            "tables": 12,
            "host_tenant_id": None,
        },
        # A joint incoming visit hosted by the cluster (the revision that brought visits and missions).
        {
            NEEDS: "host_tenant_id",
            "kind": "visit",
            "tenant_id": None,
            "organiser_id": 1,
            "slot_minutes": 30,
            "tables": 1,
            "host_tenant_id": 1,
        },
    ],
    "event_clusters": [{"event_id": 2, "quota": 10}],
    "meeting_windows": [{"event_id": 2, "ends_at": WHEN + timedelta(hours=2)}],
    "participants": [
        {"event_id": 2, "status": "registered"},
        {"event_id": 2, "company_id": 2, "user_id": 2, "status": "registered"},
    ],
    "meetings": [{"event_id": 2, "invitee_id": 2, "status": "accepted", "table_no": 3}],
    "meeting_seats": [{"event_id": 2}],
    "audit_events": [{"kind": "login", "subject": "user:1"}],
    "api_tokens": [{"access": "write", "last_used_at": None}],
    "calendar_feeds": [{"token_hash": "f" * 64}],
    "concepts": [
        {"kind": "sector", "code": "J", "broader_id": None},
        {"kind": "competence", "code": None, "broader_id": 1},
    ],
    "concept_forms": [{"concept_id": 2}],
}


def reflect(connection) -> MetaData:
    """The tables as the database holds them now (Alembic's own bookkeeping left out)."""
    metadata = MetaData()
    metadata.reflect(connection)
    metadata.remove(metadata.tables["alembic_version"])
    return metadata


def fill(connection) -> None:
    """Writes the rows of ROWS (one plain row for a table it does not name) into every table there is."""
    for table in reflect(connection).sorted_tables:
        rows = [_row(table, number, given) for number, given in enumerate(ROWS.get(table.name, [{}]), 1)]
        rows = [row for row in rows if row is not None]
        if rows:
            connection.execute(table.insert(), rows)


def _row(table, number: int, given: dict) -> dict | None:
    if NEEDS in given and given[NEEDS] not in table.columns:
        return None
    row = {column.name: _plain_value(table.name, column, number) for column in table.columns}
    row.update({name: value for name, value in given.items() if name in table.columns})
    return row


def _plain_value(table_name: str, column, number: int):
    """A value every CHECK of the column's kind accepts; references point at the first row."""
    kind = column.type
    if column.name == "id":
        return number
    if column.foreign_keys:
        return 1
    if isinstance(kind, Boolean):
        return True
    if isinstance(kind, Integer):
        return 1
    if isinstance(kind, DateTime):
        return WHEN
    if isinstance(kind, Date):
        return DAY
    if isinstance(kind, JSON):
        return {"lauks": ["vērtība", number]}
    if isinstance(kind, LargeBinary):
        return b"\x89PNG\r\n\x1a\n\x00"
    if isinstance(kind, ARRAY):
        return ["čiekur", f"{table_name}.{column.name}", str(number)]
    if isinstance(kind, TSVECTOR):
        return f"'čiekur':1A '{table_name}':2C"
    if isinstance(kind, String):
        # Latvian letters, a quote and markup: the copy a migration makes must keep them as they are.
        text = f"Čiekurs ābele's <b>{table_name}.{column.name}</b> {number}"
        return text[: kind.length] if kind.length else text
    raise TypeError(f"no plain value for {table_name}.{column.name} of type {kind!r}")


def snapshot(connection) -> dict:
    """Every row of every table: {table: {primary key: {column: value}}}."""
    rows = {}
    for table in reflect(connection).sorted_tables:
        key_columns = list(table.primary_key.columns)
        rows[table.name] = {
            tuple(row[column.name] for column in key_columns): dict(row)
            for row in connection.execute(select(table)).mappings()
        }
    return rows


def schema(connection) -> dict:
    """What each table is made of: columns, constraints and indexes, in no particular order."""
    inspector = inspect(connection)
    return {
        table: {
            "columns": sorted(
                (column["name"], str(column["type"]), column["nullable"], column["default"])
                for column in inspector.get_columns(table)
            ),
            "checks": sorted(check["name"] for check in inspector.get_check_constraints(table)),
            "uniques": sorted(unique["name"] for unique in inspector.get_unique_constraints(table)),
            "indexes": sorted((index["name"], index["unique"]) for index in inspector.get_indexes(table)),
            "foreign keys": sorted(
                (key["name"], key["referred_table"], key["options"].get("ondelete"))
                for key in inspector.get_foreign_keys(table)
            ),
        }
        for table in inspector.get_table_names()
        if table != "alembic_version"
    }


def missing(before: dict, after: dict, expected_gone=lambda table, row: False) -> list[str]:
    """Rows (or values) of `before` that `after` lost, for the tables and columns both schemas have."""
    problems = []
    for table, rows in before.items():
        if table not in after:
            continue
        for key, row in rows.items():
            if expected_gone(table, row):
                continue
            kept = after[table].get(key)
            if kept is None:
                problems.append(f"{table} {key} is gone")
                continue
            changed = [name for name in row.keys() & kept.keys() if row[name] != kept[name]]
            if changed:
                problems.append(f"{table} {key} changed {sorted(changed)}")
    return problems
