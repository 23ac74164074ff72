"""The database refuses UPDATE and DELETE (and on PostgreSQL TRUNCATE) of audit entries."""

from django.db import migrations

from mtcr.audit.append_only import InstallGuard


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [InstallGuard()]
