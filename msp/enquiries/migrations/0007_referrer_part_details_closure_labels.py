"""The involvement's free-text detail of the referrer's part gets its own name
(it was ``referrer_role``, which on a concern means the referrer's job title),
and the closure reason for passing a case on says what the return relies on."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('enquiries', '0006_enquiry_episodes'),
    ]

    operations = [
        migrations.RenameField(
            model_name="involvement",
            old_name="referrer_role",
            new_name="referrer_part_details",
        ),
        migrations.AlterField(
            model_name='closure',
            name='reason',
            field=models.CharField(choices=[('enquiry_concluded', 'The enquiry is complete'), ('no_enquiry', 'No enquiry was needed: a proportionate response was given'), ('resolved_proportionately', 'The concern was resolved by advice, information or another proportionate response'), ('person_declined', 'The person asked for the enquiry or support to stop'), ('stopped_engaging', 'The person stopped taking part'), ('could_not_contact', 'We could not contact the person'), ('person_died', 'The person has died'), ('moved_away', 'Passed to another council: the abuse happened in their area, so they record it'), ('other', 'Another reason (say what)')], max_length=32),
        ),
    ]
