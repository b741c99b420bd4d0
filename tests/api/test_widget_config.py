"""GET /api/widget-config: the public settings the chat widget reads (the 留言 / 人工服务 link)."""

from __future__ import annotations

from pathlib import Path

from api_support import api_settings
from fastapi.testclient import TestClient

from api.app import create_app
from config.settings import Settings


def test_widget_config_without_a_contact_url(client: TestClient) -> None:
    response = client.get("/api/widget-config")
    assert response.status_code == 200
    assert response.json() == {"contact_url": None}


def test_widget_config_gives_the_configured_contact_url(tmp_path: Path) -> None:
    # the route reads only settings: no lifespan (index, model) is needed, so the client is not entered
    app = create_app(api_settings(tmp_path, contact_url="https://example.gov.cn/hudong/liuyan"))
    response = TestClient(app).get("/api/widget-config")  # public: no API key
    assert response.status_code == 200
    assert response.json() == {"contact_url": "https://example.gov.cn/hudong/liuyan"}


def test_contact_url_is_read_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("BUDGETQA_CONTACT_URL", "https://example.gov.cn/rengong")
    assert Settings(_env_file=None).contact_url == "https://example.gov.cn/rengong"
    monkeypatch.delenv("BUDGETQA_CONTACT_URL")
    assert Settings(_env_file=None).contact_url is None
