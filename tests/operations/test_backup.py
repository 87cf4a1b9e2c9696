"""`kvp backup` while the server writes, then `kvp restore`: the database and the attachments are as they were
at the backup, and the audit trail is still append-only (triggers, and on SQLite a CHECK constraint that
calls a function Django registers, which a plain SQL dump would lose)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.urls import reverse

from kvp.common.backup import BackupError, backup_restore
from tests.operations.live import Browser, Databases

# Run in the restored site: the triggers refuse an audit change, and the constraint that calls a function
# refuses a month that is not a first day and takes one that is.
CHECKS = """
import json
from django.db import DatabaseError, IntegrityError, connection, transaction
from kvp.accounts.models import Office, User
from kvp.reports.models import CaseloadSnapshot
found = {}
for statement in ("UPDATE audit_auditevent SET reason = 'x'", "DELETE FROM audit_auditevent"):
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
        found[statement] = "allowed"
    except DatabaseError as error:
        found[statement] = "refused" if "append-only" in str(error) else str(error)
counsellor = User.objects.filter(is_counsellor=True).first()
snapshot = dict(office=Office.objects.get(), counsellor=counsellor, active_participants=1)
try:
    with transaction.atomic():
        CaseloadSnapshot.objects.create(month="2026-11-02", **snapshot)
    found["second day"] = "allowed"
except IntegrityError:
    found["second day"] = "refused"
CaseloadSnapshot.objects.create(month="2026-11-01", **snapshot)
found["first day"] = "allowed"
print(json.dumps(found))
"""


def test_a_backup_taken_while_writing_restores_database_and_attachments(live_databases: Databases) -> None:
    site = live_databases.copy("backup")
    counsellor = live_databases.seeded["counsellors"][0]
    person = counsellor["participants"][0]
    attachment = site.data_dir / "media" / "dialog" / "vedlegg.pdf"
    attachment.parent.mkdir(parents=True)
    attachment.write_bytes(b"%PDF-1.4 before the backup")
    archive = site.data_dir / "backups" / "kvp.tar.gz"
    with site.server() as server:
        browser = Browser(server, counsellor["sessions"][0])
        note = reverse("note_create", args=[person["id"]])
        assert browser.post(note, {"title": "before the backup", "text": "Notat."}).status == 302
        site.kvp("backup", str(archive))
        assert browser.post(note, {"title": "after the backup", "text": "Notat."}).status == 302
    events = site.rows("SELECT count(*) FROM audit_auditevent")
    attachment.unlink()

    site.kvp("restore", "--noinput", str(archive))

    titles = {title for (title,) in site.rows("SELECT title FROM followup_casenote")}
    assert "before the backup" in titles
    assert "after the backup" not in titles
    assert site.rows("SELECT count(*) FROM audit_auditevent") < events
    assert attachment.read_bytes() == b"%PDF-1.4 before the backup"
    assert json.loads(site.kvp("shell", "--no-imports", "--command", CHECKS)) == {
        "UPDATE audit_auditevent SET reason = 'x'": "refused",
        "DELETE FROM audit_auditevent": "refused",
        "second day": "refused",
        "first day": "allowed",
    }


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path) -> None:
    stray = tmp_path / "kvp.tar.gz"
    stray.write_bytes(b"not an archive")
    with pytest.raises(BackupError, match="is not a KVP backup"):
        backup_restore(stray)
