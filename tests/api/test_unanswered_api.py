"""The staff log of refused and ambiguous questions, through the real app and its own SQLite database: counts,
what each question resolved, the CSV export, the staff key, concurrent askers, and that a broken log never
fails an answer."""

from __future__ import annotations

import csv
import io
from concurrent.futures import ThreadPoolExecutor

from api_support import STAFF_KEY
from fastapi.testclient import TestClient

from index.question_log import QuestionLog, unanswered

STAFF = {"X-API-Key": STAFF_KEY}
CONCURRENT_ASKERS = 12


def ask(client: TestClient, question: str) -> dict:
    response = client.post("/api/ask", json={"question": question})
    assert response.status_code == 200, response.text
    return response.json()


def logged(client: TestClient) -> dict[str, dict]:
    response = client.get("/api/unanswered", headers=STAFF)
    assert response.status_code == 200, response.text
    return {item["question"]: item for item in response.json()["items"]}


def test_refused_and_ambiguous_questions_are_counted_with_what_they_resolved(two_department_client):
    client = two_department_client
    ask(client, "宣传部2021年招商引资奖励是多少？")
    ask(client, "宣传部2021年招商引资奖励是多少")  # the same question, typed again without the question mark
    assert ask(client, "三公经费是多少")["kind"] == "ambiguous"
    assert ask(client, "明天会下雨吗")["kind"] == "out_of_scope"
    assert ask(client, "宣传部2021年三公经费是多少")["kind"] == "number"  # answered: not logged
    log = logged(client)
    refused = log["宣传部2021年招商引资奖励是多少"]
    assert refused["kind"] == "not_found" and refused["times_asked"] == 2
    assert (refused["department"], refused["year"], refused["item"]) == ("中共廊坊市委宣传部", 2021, "招商引资奖励")
    assert refused["first_asked"] <= refused["last_asked"]
    assert log["三公经费是多少"]["kind"] == "ambiguous" and log["三公经费是多少"]["item"] == "三公经费"
    assert log["明天会下雨吗"]["kind"] == "out_of_scope"
    assert "宣传部2021年三公经费是多少" not in log


def test_a_follow_up_is_logged_as_understood(two_department_client):
    client = two_department_client
    before = ask(client, "宣传部2021年三公经费是多少")
    after = client.post("/api/ask", json={"question": "那游艇租赁费呢？", "context": before["context"]}).json()
    assert after["kind"] == "not_found" and after["assumed"]
    assert after["assumed"].rstrip("？?") in logged(client)


def test_concurrent_askers_are_all_counted(two_department_client):
    client = two_department_client
    question = "今天天气怎么样"
    before = logged(client).get(question, {}).get("times_asked", 0)
    with ThreadPoolExecutor(max_workers=CONCURRENT_ASKERS) as pool:
        kinds = list(pool.map(lambda _: ask(client, question)["kind"], range(CONCURRENT_ASKERS)))
    assert kinds == ["out_of_scope"] * CONCURRENT_ASKERS
    assert logged(client)[question]["times_asked"] == before + CONCURRENT_ASKERS


def test_the_log_exports_as_csv_for_excel(two_department_client):
    client = two_department_client
    ask(client, "宣传部2021年办公楼维修费是多少")
    response = client.get("/api/unanswered.csv", headers=STAFF)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["问题", "次数", "结果"]
    row = next(r for r in rows[1:] if r[0] == "宣传部2021年办公楼维修费是多少")
    assert row[2] == "未找到" and row[3] == "中共廊坊市委宣传部" and row[4] == "2021" and int(row[1]) >= 1


def test_the_log_needs_a_staff_key(two_department_client):
    for path in ("/api/unanswered", "/api/unanswered.csv"):
        assert two_department_client.get(path).status_code == 401
        assert two_department_client.get(path, headers={"X-API-Key": "not-a-key"}).status_code == 403


def test_a_broken_log_never_fails_an_answer(two_department_client):
    question_log: QuestionLog = two_department_client.app.state.question_log
    unanswered.drop(question_log.engine)  # every write to the log now fails
    try:
        answer = ask(two_department_client, "宣传部2021年游泳池经费是多少")
        assert answer["kind"] == "not_found"
    finally:
        unanswered.create(question_log.engine)
    ask(two_department_client, "宣传部2021年游泳池经费是多少")
    assert logged(two_department_client)["宣传部2021年游泳池经费是多少"]["times_asked"] == 1
