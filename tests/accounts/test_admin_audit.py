"""Every change an administrator makes (accounts, teams, guard settings, code
lists, survey questions) is an audit event, however it is made, with old and new
values and never a password hash."""

import pytest
from django.contrib.auth.models import Group
from django.db.models.signals import post_save

from msp.accounts.models import ApiToken, Team, User
from msp.assurance.models import CodeList
from msp.audit.models import AuditEvent
from msp.practice.models import GuardConfig
from msp.survey.bank import load_questions, read_fixture
from msp.survey.models import SurveyQuestion
from tests.accounts.admin_forms import save_account
from tests.factories import PASSWORD


def events(action: str, **filters):
    return list(AuditEvent.objects.filter(action=action, **filters))


def test_team_created_in_the_admin(admin_client, admin_user):
    assert admin_client.post("/admin/accounts/team/add/", {"name": "East team"}).status_code == 302
    team = Team.objects.get(name="East team")
    [event] = events("team.created", object_id=str(team.pk))
    assert event.user == admin_user
    assert event.channel == "web"
    assert event.object_type == "accounts.team"
    assert event.changes["name"] == [None, "East team"]


def test_account_edit_records_old_and_new(admin_client, admin_user, practitioner):
    save_account(admin_client, practitioner, job_title="Senior social worker")
    [event] = events("account.changed", object_id=str(practitioner.pk))
    assert event.user == admin_user
    assert event.changes == {"job_title": ["", "Senior social worker"]}


def test_deactivation_is_audited_and_revokes_tokens(admin_client, admin_user, practitioner):
    token, _ = ApiToken.objects.issue(practitioner)
    save_account(admin_client, practitioner, is_active=False)
    [event] = events("account.deactivated", object_id=str(practitioner.pk))
    assert event.changes["is_active"] == [True, False]
    token.refresh_from_db()
    assert token.revoked_at is not None
    [revoked] = events("api_token.revoked", object_id=str(token.pk))
    assert revoked.user == admin_user
    assert revoked.reason == "The account was deactivated"


def test_password_set_outside_the_admin_is_audited_without_the_hash(practitioner):
    old_hash = practitioner.password
    practitioner.set_password("a new long passphrase")
    practitioner.save()
    [event] = events("account.password_set", object_id=str(practitioner.pk))
    assert event.user is None and event.channel == "system"
    assert event.changes == {"password": ["(hidden)", "(changed)"]}
    text = str(event.changes)
    assert old_hash not in text and practitioner.password not in text


def test_a_new_account_is_audited_without_the_hash(db, admin_client):
    response = admin_client.post(
        "/admin/accounts/user/add/",
        {
            "username": "newbie",
            "password1": "a long enough passphrase 42",
            "password2": "a long enough passphrase 42",
            "usable_password": "true",
            "role": "practitioner",
        },
    )
    assert response.status_code == 302
    [event] = events("account.created", object_id=str(User.objects.get(username="newbie").pk))
    assert event.changes["username"] == [None, "newbie"]
    assert event.changes["password"] == ["(hidden)", "(changed)"]


def test_signing_in_is_not_an_account_change(practitioner, client):
    """Signing in updates last_login: that is recorded as a sign-in, not as a
    change to the account."""
    response = client.post("/sign-in/", {"username": practitioner.username, "password": PASSWORD})
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action="account.signed_in", user=practitioner).exists()
    assert not AuditEvent.objects.filter(action="account.changed").exists()


def test_group_membership_is_audited(practitioner):
    group = Group.objects.create(name="Helpdesk")
    practitioner.groups.add(group)
    [event] = events("account.changed", object_id=str(practitioner.pk))
    assert event.changes == {"groups": ["added", [group.pk]]}


def test_guard_settings_changed_in_the_admin(admin_client, admin_user):
    admin_client.post(
        "/admin/practice/guardconfig/add/",
        {
            "min_contact_attempts": "3",
            "min_contact_methods": "2",
            "repeat_concern_count": "3",
            "repeat_window_days": "365",
        },
    )
    config = GuardConfig.current()
    response = admin_client.post(
        f"/admin/practice/guardconfig/{config.pk}/change/",
        {
            "min_contact_attempts": "4",
            "min_contact_methods": "2",
            "repeat_concern_count": "3",
            "repeat_window_days": "365",
        },
    )
    assert response.status_code == 302
    assert len(events("guard_settings.created")) == 1
    [event] = events("guard_settings.changed")
    assert event.user == admin_user
    assert event.object_type == "practice.guardconfig"
    assert event.changes == {"min_contact_attempts": [3, 4]}


def test_code_list_change_outside_the_admin(db):
    code_list = CodeList.objects.first()
    assert code_list is not None  # the national lists are loaded by migrations
    code_list.source = "Checked against the 2026 template"
    code_list.save()
    [event] = events("code_list.changed", object_id=str(code_list.pk))
    assert event.object_type == "assurance.codelist"
    assert event.changes["source"][1] == "Checked against the 2026 template"


def test_survey_question_deleted_in_the_admin(admin_client, admin_user):
    if not SurveyQuestion.objects.exists():
        load_questions(read_fixture())
    question = SurveyQuestion.objects.first()
    assert question is not None
    response = admin_client.post(
        f"/admin/survey/surveyquestion/{question.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    [event] = events("survey_question.deleted", object_id=str(question.pk))
    assert event.user == admin_user


def test_a_save_that_fails_leaves_neither_change_nor_event(practitioner):
    """The save and its audit event are one transaction, even outside the admin:
    anything failing after the row is written undoes both."""

    def fail(**kwargs):
        raise RuntimeError("something after the save failed")

    post_save.connect(fail, sender=User, dispatch_uid="test-fail")
    try:
        practitioner.job_title = "Changed"
        with pytest.raises(RuntimeError):
            practitioner.save()
    finally:
        post_save.disconnect(dispatch_uid="test-fail", sender=User)
    assert not events("account.changed")
    practitioner.refresh_from_db()
    assert practitioner.job_title == ""


def test_retention_rule_changed_in_the_admin(admin_client, admin_user):
    from msp.privacy.models import RetentionRule

    rule = RetentionRule.objects.get(record_type="case_with_enquiry")
    response = admin_client.post(
        f"/admin/privacy/retentionrule/{rule.pk}/change/",
        {
            "record_type": rule.record_type,
            "keep_years": "7",
            "keep_days": str(rule.keep_days),
            "active": "on",
            "explanation": rule.explanation,
        },
    )
    assert response.status_code == 302
    [event] = events("retention_rule.changed", object_id=str(rule.pk))
    assert event.user == admin_user
    assert event.changes["keep_years"] == [rule.keep_years, 7]
