"""The two role rules every page and endpoint asks."""

from django.contrib.auth.models import AnonymousUser

from claims.permissions import can_read, is_editor


def test_editors_edit_and_read(editor):
    assert is_editor(editor) and can_read(editor)


def test_reporters_read_but_do_not_edit(reporter):
    assert can_read(reporter) and not is_editor(reporter)


def test_a_signed_in_account_with_no_role_does_neither(outsider):
    assert not can_read(outsider) and not is_editor(outsider)


def test_staff_read_and_superusers_edit(staff):
    assert can_read(staff) and is_editor(staff)


def test_anonymous_and_deactivated_users_do_neither(editor):
    assert not can_read(AnonymousUser()) and not is_editor(AnonymousUser())
    editor.is_active = False
    assert not can_read(editor) and not is_editor(editor)
