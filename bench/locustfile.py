"""Load for the portal: locust users for the three phases of bench/run.

Every user is a closed loop without think time (a new request as soon as the last answered),
so 16 users are 16 concurrent clients. Each request is named after its page type; the
response times of every request are written to BENCH_OUT (JSON) when the test stops, for
bench/report.py to compute exact percentiles from.

Reads BENCH_FIXTURE (the JSON bench/measure.py wrote). Logs in once per role at the start
(POST /accounts/login/ with the CSRF token) and shares the session among the users, as
hashing a password on every user start would measure the login, not the pages.
"""

import json
import os
import random
import re
import sys
import time
from pathlib import Path

import requests
from locust import FastHttpUser, constant, events, task

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pages

FIXTURE = json.loads(Path(os.environ["BENCH_FIXTURE"]).read_text())["fixture"]
OUT = os.environ.get("BENCH_OUT")
PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-sociale-basis")
# As behind production's TLS proxy: the portal then sets secure cookies and HSTS.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}

COOKIES = {}  # role -> Cookie header value
CSRF = {}  # role -> the CSRF token of its session, for the writes
PUBLISHED = {}  # activity id -> whether the last status write left it on the site
RECORD = {"times": {}, "errors": {}, "error_samples": {}, "bytes": {}, "start": None, "stop": None}


def login(host, email):
    """A real login through the form; returns the Cookie header for the session."""
    session = requests.Session()
    page = session.get(f"{host}/accounts/login/", headers=PROXY_HEADERS, timeout=30)
    page.raise_for_status()
    csrf = page.cookies.get("csrftoken")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    https_host = host.replace("http://", "https://", 1)
    response = session.post(
        f"{host}/accounts/login/",
        data={"username": email, "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={
            **PROXY_HEADERS,
            "Cookie": f"csrftoken={csrf}",
            "Origin": https_host,
            "Referer": f"{https_host}/accounts/login/",
        },
        allow_redirects=False,
        timeout=30,
    )
    session_id = response.cookies.get("sessionid")
    if response.status_code != 302 or not session_id:
        raise RuntimeError(f"login as {email} failed: HTTP {response.status_code}")
    return f"sessionid={session_id}; csrftoken={csrf}", csrf


@events.test_start.add_listener
def on_test_start(environment, **kwargs):
    for role, email in FIXTURE["users"].items():
        COOKIES[role], CSRF[role] = login(environment.host, email)
    RECORD["start"] = time.time()


@events.request.add_listener
def on_request(name, response_time, response_length, exception, **kwargs):
    RECORD["times"].setdefault(name, []).append(response_time)
    RECORD["bytes"][name] = RECORD["bytes"].get(name, 0) + (response_length or 0)
    if exception is not None:
        RECORD["errors"][name] = RECORD["errors"].get(name, 0) + 1
        samples = RECORD["error_samples"].setdefault(name, [])
        if len(samples) < 5:
            samples.append(str(exception)[:300])


@events.test_stop.add_listener
def on_test_stop(environment, **kwargs):
    RECORD["stop"] = time.time()
    if OUT:
        Path(OUT).write_text(json.dumps(RECORD))


class PortalUser(FastHttpUser):
    abstract = True
    wait_time = constant(0)
    weights = {}

    def on_start(self):
        self.rng = random.Random()
        names = list(self.weights)
        self.choices = [name for name in names for _ in range(self.weights[name])]

    @task
    def one_request(self):
        page_type = self.rng.choice(self.choices)
        if page_type == "write":
            self.write()
            return
        path, headers, role = pages.request_for(page_type, self.rng, FIXTURE)
        headers = {**PROXY_HEADERS, **headers}
        if role:
            headers["Cookie"] = COOKIES[role]
        with self.client.get(
            path, name=page_type, headers=headers, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code} for {path}")
            elif page_type in pages.CATALOGUE_TYPES and b"resultaten" not in (response.content or b""):
                response.failure(f"no results section in {path}")

    def write(self):
        path, data, role = pages.write_request(self.rng, FIXTURE)
        if data.pop("toggle", False):
            pk = int(path.split("/")[3])
            data["status"] = "draft" if PUBLISHED.get(pk, True) else "published"
            PUBLISHED[pk] = data["status"] == "published"
        origin = self.host.replace("http://", "https://", 1)
        headers = {
            **PROXY_HEADERS,
            "Cookie": COOKIES[role],
            "Origin": origin,
            "Referer": f"{origin}/organisatie/",
        }
        data["csrfmiddlewaretoken"] = CSRF[role]
        with self.client.post(
            path, data=data, name="write", headers=headers, allow_redirects=False, catch_response=True
        ) as response:
            # The organisation's screens answer a write with a redirect to its page.
            if response.status_code != 302 or "/accounts/login" in response.headers.get("Location", ""):
                response.failure(f"HTTP {response.status_code} for POST {path}")


class HealthzUser(PortalUser):
    weights = {"healthz": 1}


class CatalogueUser(PortalUser):
    weights = pages.CATALOGUE_WEIGHTS


class MixUser(PortalUser):
    weights = pages.MIX_WEIGHTS


class MixWithWritesUser(PortalUser):
    weights = pages.WRITE_WEIGHTS
