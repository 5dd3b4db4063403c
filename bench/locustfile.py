"""The load of `bench/load.sh`: caseworkers opening their portfolio and the people in it,
citizens reading their plan and writing in their dialogue, IW advisors on the prioritisation
list and analysts on the group figures (the reporting reads the replica answers). The demo
logins, password velferd-demo-2026.

    .venv/bin/locust -f bench/locustfile.py --headless -u 20 -r 5 -t 60s \
        --host http://127.0.0.1:56420 --csv var/load
"""

import random
import re

from locust import HttpUser, between, task

PASSWORD = "velferd-demo-2026"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PERSON = re.compile(r'href="(/people/[0-9a-f-]{36}/)"')
THREAD = re.compile(r'href="(/threads/[0-9a-f-]{36}/)"')


class _Login(HttpUser):
    abstract = True
    username = ""
    wait_time = between(0.5, 1.5)

    def on_start(self) -> None:
        page = self.client.get("/login/", name="/login/")
        self.client.post(
            "/login/",
            data={"username": self.username, "password": PASSWORD, **self._csrf(page.text)},
            name="/login/ (POST)",
        )

    @staticmethod
    def _csrf(html: str) -> dict[str, str]:
        found = CSRF.search(html)
        return {"csrfmiddlewaretoken": found.group(1)} if found else {}


class Caseworker(_Login):
    weight = 4
    username = "veileder"
    people: list[str] = []

    @task(2)
    def portfolio(self) -> None:
        page = self.client.get("/portfolio/", name="/portfolio/")
        self.people = PERSON.findall(page.text) or self.people

    @task(3)
    def person(self) -> None:
        if self.people:
            self.client.get(random.choice(self.people), name="/people/<id>/")


class Citizen(_Login):
    weight = 3
    username = "innbygger"
    threads: list[str] = []

    @task(3)
    def plan(self) -> None:
        self.client.get("/me/", name="/me/")

    @task(2)
    def dialogue(self) -> None:
        page = self.client.get("/me/dialogue/", name="/me/dialogue/")
        self.threads = THREAD.findall(page.text) or self.threads

    @task(1)
    def write(self) -> None:
        if not self.threads:
            return
        thread = random.choice(self.threads)
        page = self.client.get(thread, name="/threads/<id>/")
        self.client.post(
            thread,
            data={"text": "Takk, jeg kommer på møtet.", **self._csrf(page.text)},
            name="/threads/<id>/ (POST)",
        )


class IwAdvisor(_Login):
    weight = 2
    username = "ia-radgiver"

    @task
    def priorities(self) -> None:
        self.client.get("/sick-leave/priorities/", name="/sick-leave/priorities/")


class Analyst(_Login):
    weight = 1
    username = "analytiker"

    @task
    def groups(self) -> None:
        self.client.get("/sick-leave/groups/?kind=industry", name="/sick-leave/groups/")
