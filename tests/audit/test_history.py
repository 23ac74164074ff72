"""Every object page can show its history from the trail; administrators read their government's trail."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.template.loader import render_to_string

from mtcr.audit.selectors import entries, history_for
from mtcr.audit.services import SYSTEM, record
from mtcr.audit.verbs import Verb
from mtcr.states.actor import Actor
from mtcr.states.models import Government, User
from mtcr.states.roles import RoleCode

pytestmark = pytest.mark.django_db


@pytest.fixture
def germany() -> Government:
    return Government.objects.create(code="DE", alpha3="DEU", numeric="276", name="Germany")


def _record(actor: Actor, verb: str, target, **kwargs):
    with transaction.atomic():
        return record(actor=actor, verb=verb, target=target, **kwargs)


def test_history_for_an_object_is_its_entries_oldest_first(append, actor, government, germany):
    append(2)
    _record(actor, Verb.UPDATED, germany, after={"name": "Deutschland"})
    append(1)
    assert [e.seq for e in history_for(government)] == [1, 2, 4]
    assert [e.seq for e in history_for(germany)] == [3]


def test_the_history_partial_shows_when_who_for_whom_what_and_the_change(actor, government):
    _record(actor, Verb.CREATED, government, after={"name": "France", "tags": ["a", "b"]})
    _record(
        actor,
        Verb.UPDATED,
        government,
        before={"name": "France", "note": ""},
        after={"name": "French Republic", "note": "<b>renamed</b>"},
    )
    html = render_to_string("audit/_history.html", {"entries": history_for(government)})
    assert "<caption>History</caption>" in html
    assert '<th scope="col">Acting for</th>' in html
    assert "amelie.martin" in html and "<td>FR</td>" in html
    assert "<td>created</td>" in html and "<td>updated</td>" in html
    assert "<dt>name</dt>" in html and "<del>France</del> → <ins>French Republic</ins>" in html
    assert "<ins>a, b</ins>" in html
    assert "<del>(empty)</del> → <ins>&lt;b&gt;renamed&lt;/b&gt;</ins>" in html
    assert html.count('<tr id="audit-') == 2


def test_the_history_partial_of_an_object_without_entries(government):
    html = render_to_string("audit/_history.html", {"entries": history_for(government), "caption": "Changes"})
    assert "<caption>Changes</caption>" in html and "No recorded changes." in html


def _person(username: str, government: Government, *roles: str, superuser: bool = False) -> Actor:
    user = User.objects.create_user(username=username, government=government, is_superuser=superuser)
    return Actor(label=username, government_code=government.code, roles=frozenset(roles), user=user)


def test_entries_are_scoped_to_the_administrators_government(actor, government, germany):
    _record(actor, Verb.UPDATED, government)
    _record(SYSTEM, Verb.REFERENCE_LOADED, None)
    _record(_person("de-officer", germany), Verb.UPDATED, germany)
    fr_admin = _person("fr-admin", government, RoleCode.SYSTEM_ADMINISTRATOR)
    de_admin = _person("de-admin", germany, RoleCode.SYSTEM_ADMINISTRATOR)
    superuser = _person("root", government, superuser=True)
    assert [e.seq for e in entries(fr_admin)] == [1]
    assert [e.seq for e in entries(de_admin)] == [3]
    assert [e.seq for e in entries(SYSTEM)] == [1, 2, 3]
    assert [e.seq for e in entries(superuser, verb=Verb.UPDATED)] == [1, 3]
    assert [e.seq for e in entries(SYSTEM, target=germany)] == [3]
    assert list(entries(actor)) == []
