from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("signalregister", "0005_professional_account_on_roster")]

    operations = [migrations.RemoveField("signal", "professional_account_text")]
