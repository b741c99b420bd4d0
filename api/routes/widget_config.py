"""What the chat widget needs to know about this site: the 留言 / 人工服务 link (public, no key)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.deps import SettingsDep

router = APIRouter(prefix="/api", tags=["widget"])


class WidgetConfig(BaseModel):
    contact_url: str | None = Field(None, description="The 留言 / 人工服务 page; null when the site has none")


@router.get("/widget-config", response_model=WidgetConfig)
def widget_config(settings: SettingsDep) -> WidgetConfig:
    """Settings the chat widget reads when it starts."""
    return WidgetConfig(contact_url=settings.contact_url)
