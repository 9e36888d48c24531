"""The versioned API; OpenAPI document at /api/v1/openapi.json."""

from ninja import NinjaAPI

api = NinjaAPI(
    title="Vigil API",
    version="1",
    description="Anonymous reporting for partner hotlines and mobile apps.",
    urls_namespace="api",
    docs_url=None,
)
