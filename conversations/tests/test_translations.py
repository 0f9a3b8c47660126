"""Translations: pages, forms, API errors and the page's scripts in the request's language, and
catalogs that are complete (nothing missing, fuzzy or untranslated) and compiled.

The catalog test runs `makemessages` on a copy of the project, so a string added without its
translation fails here. It needs GNU gettext (`apt-get install gettext`; `.ci/run` installs it).
"""

from __future__ import annotations

import gettext as gnu_gettext
import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.test import Client
from rest_framework.test import APIClient

from sportsdata.models import Fixture

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ("es", "pt_BR")
DOMAINS = ("django", "djangojs")
# The same flags as `make messages`.
MAKEMESSAGES = ["makemessages", "-l", "es", "-l", "pt_BR", "--no-obsolete", "--add-location=file"]
COPY_IGNORE = shutil.ignore_patterns(
    ".*", "__pycache__", "staticfiles", "node_modules", "test-artifacts", "*.sqlite3*", "*.mo"
)


def test_login_and_chat_pages_follow_accept_language(db: None) -> None:
    client = Client()
    spanish = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")
    assert '<html lang="es">' in spanish.text
    assert "<h1>Iniciar sesión</h1>" in spanish.text
    assert "Nombre de usuario" in spanish.text  # Django's own form labels come translated too
    assert "Log in" not in spanish.text

    portuguese = Client().get("/", HTTP_ACCEPT_LANGUAGE="pt-BR,pt;q=0.9")
    assert '<html lang="pt-br">' in portuguese.text
    assert "O que você gostaria de saber?" in portuguese.text
    assert 'placeholder="Pergunte sobre jogos, odds ou mercados…"' in portuguese.text
    assert "What would you like to know?" not in portuguese.text

    assert "<h1>Entrar</h1>" in Client().get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="pt").text
    english = Client().get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")  # not offered: English
    assert '<html lang="en">' in english.text
    assert "What would you like to know?" in english.text


def test_the_switcher_overrides_the_browser_language(db: None) -> None:
    client = Client()
    switched = client.post("/i18n/setlang/", {"language": "pt-br", "next": "/accounts/login/"})
    assert switched.status_code == 302
    assert switched["Location"] == "/accounts/login/"
    page = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="es")
    assert "<h1>Entrar</h1>" in page.text
    assert '<option value="pt-br" lang="pt-br" data-short="PT" selected>' in page.text


def test_form_and_api_errors_are_translated(db: None, sports: dict[str, Fixture]) -> None:
    signup = Client().post(
        "/accounts/signup/",
        {"username": "ana", "password1": "a-long-pass-123", "password2": "another-pass-456"},
        HTTP_ACCEPT_LANGUAGE="es",
    )
    assert "Los dos campos de contraseña no coinciden." in signup.text

    api = APIClient()
    missing = api.get("/api/v1/shares/no-such-token", HTTP_ACCEPT_LANGUAGE="es")
    assert missing.status_code == 404
    assert missing.json()["error"] == {
        "code": "SHARE_NOT_FOUND", "message": "Ese enlace para compartir no existe.", "details": {}
    }  # fmt: skip
    guest = api.post("/api/v1/auth/guest").json()
    api.credentials(HTTP_AUTHORIZATION=f"Guest {guest['guest_token']}")
    someone_elses = api.get(f"/api/v1/conversations/{uuid.uuid4()}/", HTTP_ACCEPT_LANGUAGE="es")
    assert someone_elses.json()["error"]["message"] == "Esa conversación no existe."
    in_english = api.get(f"/api/v1/conversations/{uuid.uuid4()}/", HTTP_ACCEPT_LANGUAGE="en")
    assert in_english.json()["error"]["message"] == "No such conversation."
    # A betting refusal (no age confirmation yet): its message is from the catalog, its code stable.
    slip = {"fixture_id": sports["clasico"].provider_id, "market": "1x2", "selection": "home", "stake": "10"}
    refusal = api.post("/api/v1/betting/bets/", slip, format="json", HTTP_ACCEPT_LANGUAGE="es")
    assert refusal.status_code == 403
    assert refusal.json()["error"]["code"] == "AGE_NOT_CONFIRMED"
    assert refusal.json()["error"]["message"] == "Confirma que tienes 18 años o más antes de apostar."
    api.credentials()
    anonymous = api.get("/api/v1/conversations/", HTTP_ACCEPT_LANGUAGE="pt-BR")
    assert anonymous.json()["error"]["code"] == "NOT_AUTHENTICATED"
    assert anonymous.json()["error"]["message"] == "As credenciais de autenticação não foram fornecidas."


def test_the_page_scripts_get_the_javascript_catalog_of_the_page_language(db: None) -> None:
    catalog = Client().get("/jsi18n/", HTTP_ACCEPT_LANGUAGE="es")
    assert catalog.status_code == 200
    assert catalog["Content-Type"].startswith("text/javascript")
    assert '"Thinking\\u2026": "Pensando\\u2026"' in catalog.text
    page = Client().get("/", HTTP_ACCEPT_LANGUAGE="es").text
    # The catalog (a classic script) is loaded before the page's modules, from this origin (CSP).
    assert page.index('<script src="/jsi18n/">') < page.index(
        '<script type="module" src="/static/chat/chat.js">'
    )


def _without_creation_date(path: Path) -> str:
    return re.sub(r'"POT-Creation-Date: [^"]*"\n', "", path.read_text(encoding="utf-8"))


def _msgfmt(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["msgfmt", *args], capture_output=True, text=True, check=False)


def test_catalogs_are_complete_current_and_compiled(tmp_path: Path) -> None:
    if shutil.which("xgettext") is None or shutil.which("msgfmt") is None:
        pytest.fail("GNU gettext is missing: apt-get install gettext (.ci/run does).", pytrace=False)
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=COPY_IGNORE)
    env = {**os.environ, "DEBUG": "true"}
    for domain in DOMAINS:
        subprocess.run(
            [sys.executable, "manage.py", *MAKEMESSAGES, "-d", domain],
            cwd=copy, env=env, check=True, capture_output=True,
        )  # fmt: skip

    for locale in LOCALES:
        for domain in DOMAINS:
            committed = ROOT / "locale" / locale / "LC_MESSAGES" / f"{domain}.po"
            regenerated = copy / "locale" / locale / "LC_MESSAGES" / f"{domain}.po"
            # A string added, changed or removed in the code without updating the catalog.
            assert _without_creation_date(regenerated) == _without_creation_date(committed), (
                f"{committed.relative_to(ROOT)} is out of date: run `make messages` and translate"
            )
            stats = _msgfmt("--check", "--statistics", "-o", "/dev/null", str(committed)).stderr
            assert "fuzzy" not in stats, f"{committed}: {stats}"
            assert "untranslated" not in stats, f"{committed}: {stats}"

            # The committed .mo holds exactly the .po's translations.
            fresh = tmp_path / f"{locale}-{domain}.mo"
            assert _msgfmt("--check", "-o", str(fresh), str(committed)).returncode == 0
            with fresh.open("rb") as expected, committed.with_suffix(".mo").open("rb") as shipped:
                assert gnu_gettext.GNUTranslations(shipped)._catalog == (  # type: ignore[attr-defined]
                    gnu_gettext.GNUTranslations(expected)._catalog  # type: ignore[attr-defined]
                ), f"{committed.with_suffix('.mo').relative_to(ROOT)} is stale: run compilemessages"
