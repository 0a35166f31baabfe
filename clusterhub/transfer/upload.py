"""The uploaded file between the preview and the confirmation.

The preview page carries the file back in a hidden field, signed with the app's secret key together
with the cluster, the person and the kind of file, and good for an hour. So the confirmation imports
exactly the file that was previewed; nobody can slip other content in, nor replay it in another
cluster or account; and no file with people's contact details is left behind on the server's disk.
The signature compresses the text; a file that would still be too large for a form field is refused
with a message (see `seal`).
"""

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

MAX_AGE_SECONDS = 3600
MAX_UPLOAD_BYTES = 512 * 1024


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt="clusterhub.transfer.upload")


def seal(kind: str, content: bytes, invite: bool, tenant_id: int, user_id: int) -> str | None:
    """The signed form of an uploaded UTF-8 file (and whether to invite its contact people), or None when
    it would be too large for a form field."""
    data = {
        "kind": kind,
        "csv": content.decode("utf-8-sig"),
        "invite": invite,
        "tenant": tenant_id,
        "user": user_id,
    }
    token = _serializer().dumps(data)
    limit = current_app.config.get("MAX_FORM_MEMORY_SIZE")
    return token if limit is None or len(token) < limit else None


def unseal(token: str, tenant_id: int, user_id: int) -> tuple[str, bytes, bool] | None:
    """(kind, content, invite) of a file sealed for this cluster and person within the hour, else None."""
    try:
        data = _serializer().loads(token, max_age=MAX_AGE_SECONDS)
    except BadSignature:  # tampered with, or expired
        return None
    if (data.get("tenant"), data.get("user")) != (tenant_id, user_id):
        return None
    return data["kind"], data["csv"].encode("utf-8"), bool(data.get("invite"))
