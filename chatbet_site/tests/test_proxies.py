"""Forwarded headers are believed only from configured proxies: a client cannot pick its own address
to escape the login throttles or to pass the /metrics address gate."""

from __future__ import annotations

import ipaddress

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from chatbet_site.proxies import client_address, proxy_networks

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-9"


def _networks(*entries: str) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return proxy_networks(entries)


def test_client_address_without_configured_proxies_is_the_peer():
    assert client_address(peer="203.0.113.9", forwarded_for="127.0.0.1", proxy_count=0, proxies=[]) == (
        "203.0.113.9",
        False,
    )


def test_client_address_walks_back_through_trusted_proxies_only():
    proxies = _networks("10.0.0.0/8")
    # The client claims 127.0.0.1 in front of its real address; only our proxies' hops count.
    assert client_address(
        peer="10.0.0.2", forwarded_for="127.0.0.1, 198.51.100.7, 10.0.0.1", proxy_count=0, proxies=proxies
    ) == ("198.51.100.7", True)
    # A direct connection from outside is not a proxy: its header is ignored.
    assert client_address(peer="198.51.100.7", forwarded_for="127.0.0.1", proxy_count=0, proxies=proxies) == (
        "198.51.100.7",
        False,
    )
    # Garbage where an address should be: the proxy's own address, never the garbage.
    assert client_address(peer="10.0.0.2", forwarded_for="not-an-ip", proxy_count=0, proxies=proxies) == (
        "10.0.0.2",
        True,
    )


def test_client_address_with_a_proxy_count_takes_the_hop_that_many_back():
    chain = "127.0.0.1, 198.51.100.7"  # the first entry is the client's own claim
    assert (
        client_address(peer="10.0.0.2", forwarded_for=chain, proxy_count=1, proxies=[])[0] == "198.51.100.7"
    )
    assert client_address(peer="10.0.0.2", forwarded_for=chain, proxy_count=2, proxies=[])[0] == "127.0.0.1"
    assert client_address(peer="10.0.0.2", forwarded_for="", proxy_count=1, proxies=[])[0] == "10.0.0.2"


def test_the_api_throttle_counts_the_peer_not_the_forwarded_header(monkeypatch, settings):
    from conversations.apis.authentication import IdentityRateThrottle

    settings.AXES_FAILURE_LIMIT = 100  # this test is about the request throttle alone
    monkeypatch.setattr(IdentityRateThrottle, "THROTTLE_RATES", {"api": "5/min", "chat": "5/min"})
    client = Client()
    statuses = [
        client.post(
            "/api/v1/auth/token",
            {"username": "nobody", "password": "wrong"},
            content_type="application/json",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt}",
        ).status_code
        for attempt in range(8)
    ]
    assert statuses[:5] == [401] * 5
    assert statuses[5:] == [429] * 3


def test_a_locked_out_browser_gets_the_page_in_its_language(settings):
    settings.AXES_FAILURE_LIMIT = 1
    client = Client(HTTP_ACCEPT_LANGUAGE="es")
    client.post("/accounts/login/", {"username": "ana", "password": "guess"})
    locked = client.post("/accounts/login/", {"username": "ana", "password": "guess"})
    assert locked.status_code == 429
    assert "Demasiados intentos de inicio de sesión" in locked.content.decode()
    assert "15 minutos" in locked.content.decode()


@pytest.mark.parametrize("path", ["/accounts/login/", "/admin/login/"])
def test_password_logins_lock_out_an_address_whatever_it_forwards(path, settings):
    settings.AXES_FAILURE_LIMIT = 3
    get_user_model().objects.create_user("ana", password=PASSWORD, is_staff=True)
    client = Client()
    statuses = [
        client.post(
            path, {"username": "ana", "password": "guess"}, HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt}"
        ).status_code
        for attempt in range(3)
    ]
    assert statuses == [200, 200, 429]  # the form again with an error, then locked out
    locked = client.post(path, {"username": "ana", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert locked.status_code == 429
    assert "Too many sign-in attempts" in locked.content.decode()  # our page, not axes' plain text
    assert "_auth_user_id" not in client.session
    # Another address is not affected.
    other = Client(REMOTE_ADDR="192.0.2.50")
    assert other.post(path, {"username": "ana", "password": PASSWORD}).status_code == 302


def test_the_jwt_endpoint_locks_out_an_address_after_failed_passwords(settings):
    settings.AXES_FAILURE_LIMIT = 3
    get_user_model().objects.create_user("ana", password=PASSWORD)
    client = Client()
    statuses = [
        client.post(
            "/api/v1/auth/token",
            {"username": "ana", "password": "guess"},
            content_type="application/json",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt}",
        ).status_code
        for attempt in range(3)
    ]
    assert statuses == [401, 401, 429]
    locked = client.post(
        "/api/v1/auth/token", {"username": "ana", "password": PASSWORD}, content_type="application/json"
    )
    assert locked.status_code == 429
    assert locked.json()["error"]["code"] == "LOGIN_LOCKED"
    fresh = Client(REMOTE_ADDR="192.0.2.50").post(
        "/api/v1/auth/token", {"username": "ana", "password": PASSWORD}, content_type="application/json"
    )
    assert "access" in fresh.json()


def test_metrics_gate_believes_forwarded_addresses_only_from_trusted_proxies(settings):
    settings.METRICS_ENABLED = True
    settings.METRICS_TOKEN = ""
    settings.METRICS_ALLOWED_IPS = ["192.0.2.10"]
    spoofed = Client(REMOTE_ADDR="203.0.113.9").get("/metrics", HTTP_X_FORWARDED_FOR="192.0.2.10")
    assert spoofed.status_code == 404
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    via_proxy = Client(REMOTE_ADDR="10.0.0.2").get("/metrics", HTTP_X_FORWARDED_FOR="192.0.2.10")
    assert via_proxy.status_code == 200
    settings.TRUSTED_PROXIES = []
    settings.TRUSTED_PROXY_COUNT = 1
    counted = Client(REMOTE_ADDR="10.0.0.2").get("/metrics", HTTP_X_FORWARDED_FOR="192.0.2.10")
    assert counted.status_code == 200


def test_https_is_believed_only_from_a_trusted_proxy(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    forged = Client(REMOTE_ADDR="203.0.113.9").get("/api/v1/sports/", HTTP_X_FORWARDED_PROTO="https")
    assert forged.status_code == 301
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    proxied = Client(REMOTE_ADDR="10.0.0.2").get("/api/v1/sports/", HTTP_X_FORWARDED_PROTO="https")
    assert proxied.status_code == 200
