"""The API keeps the promises of its OpenAPI document, under generated requests.

Schemathesis reads /api/v1/openapi.json from the running server, generates
valid and invalid requests for every operation, and checks that none gets a
server error, an undocumented status, or a body that breaks its schema.
"""

import importlib

import schemathesis
from django.core.cache import cache
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from vigil.accounts.models import ApiKey, OrganisationKind
from vigil.accounts.tests.factories import OrganisationFactory
from vigil.tips.models import Tip

TRIGGERS = importlib.import_module("vigil.audit.migrations.0002_append_only_triggers")

CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]
EXAMPLES_PER_OPERATION_AND_MODE = 30


def test_every_operation_answers_generated_requests_as_documented(
    live_server, transactional_db, hotline
):
    partner = OrganisationFactory(name="Fuzzing Partner", kind=OrganisationKind.NGO)
    raw_key = ApiKey.issue(partner, "schemathesis")[1]
    schema = schemathesis.openapi.from_url(live_server.url + "/api/v1/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.label for op in operations} == {
        "POST /api/v1/tips",
        "POST /api/v1/followup",
        "POST /api/v1/followup/messages",
        "GET /api/v1/statistics",
        "GET /api/v1/exchange/aggregates",
    }
    statuses = []

    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @hypothesis_settings(
                max_examples=EXAMPLES_PER_OPERATION_AND_MODE,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy(generation_mode=mode))
            def exercise(case):
                # Rate limits would turn most requests into 429s; this test is about shapes.
                cache.clear()
                response = case.call_and_validate(
                    base_url=live_server.url,
                    headers={"X-API-Key": raw_key},
                    checks=CHECKS,
                    timeout=30,
                )
                statuses.append(response.status_code)

            exercise()

    # The generator reached the real work, not only the error paths.
    assert 201 in statuses
    assert 422 in statuses
    assert 404 in statuses
    assert Tip.objects.filter(source_organisation=partner).exists()
