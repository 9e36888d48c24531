"""The public statistics page, its CSV files and the API: anonymous, small counts hidden."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.test import override_settings

from vigil.tips.models import Tip
from vigil.tips.tests.factories import TipFactory


def tips(hotline, count, year, region="XV-NO", age="12-14", gender="girl"):
    made = [
        TipFactory(hotline=hotline, region_code=region, children_age=age, children_gender=gender)
        for _ in range(count)
    ]
    Tip.objects.filter(pk__in=[t.pk for t in made]).update(
        created_at=datetime(year, 6, 1, tzinfo=UTC)
    )


@pytest.fixture
def figures(hotline):
    """2023: 30 in the north, 4 on the coast; 2024: 25 in the north, 20 on the coast."""
    tips(hotline, 30, 2023)
    tips(hotline, 4, 2023, region="XV-CO", age="6-11", gender="boy")
    tips(hotline, 25, 2024)
    tips(hotline, 20, 2024, region="XV-CO")


def test_anyone_sees_the_figures_with_small_counts_hidden(client, figures):
    response = client.get("/statistics/", {"place": "XV"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Tips received" in page
    assert "fewer than 11 people" in page
    assert "Northmarch" in page and "Coastal" in page
    assert "—" in page
    assert ">4<" not in page


def test_a_year_shows_that_year_s_column(client, figures):
    page = client.get("/statistics/", {"period": "2024", "place": "XV"}).content.decode()

    assert "<td>45</td>" in page  # the year's total, by year, age and sex
    assert "<td>25</td>" not in page  # the regions' 2024 counts stay hidden


def test_each_table_downloads_as_csv_with_the_same_hiding(client, figures):
    response = client.get("/statistics/place.csv", {"place": "XV"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["code", "By region of Valdoria", "2023", "2024", "Total"]
    coast = next(row for row in rows if row[0] == "XV-CO")
    assert coast[2] == "—"
    assert "4" not in coast


def test_an_unknown_table_is_not_found(client, figures):
    assert client.get("/statistics/nothing.csv").status_code == 404


def test_the_api_gives_hidden_counts_as_null(client, figures):
    response = client.get("/api/v1/statistics", {"by": "place,period", "place": "XV"})

    assert response.status_code == 200
    data = response.json()
    assert data["columns"] == ["2023", "2024"]
    coast = next(row for row in data["rows"] if row["code"] == "XV-CO")
    north = next(row for row in data["rows"] if row["code"] == "XV-NO")
    # 4 coastal tips in 2023, of 34; the regions' totals (24, 55) are large enough to
    # show, so the four counts are hidden together and no subtraction gives the 4.
    assert coast["counts"] == [None, None] and north["counts"] == [None, None]
    assert (coast["total"], north["total"]) == (24, 55)
    assert data["column_totals"] == [34, 45]
    assert data["threshold"] == 11
    assert 4 not in [c for row in data["rows"] for c in row["counts"]]


def test_the_api_by_age_for_one_year(client, figures):
    data = client.get("/api/v1/statistics", {"by": "age_band", "period": "2024"}).json()

    assert {row["code"]: row["total"] for row in data["rows"]} == {"6-11": 0, "12-14": 45}
    assert data["total"] == 45


def test_the_api_refuses_what_it_cannot_answer(client, figures):
    assert client.get("/api/v1/statistics", {"by": "sex,age_band"}).status_code == 400
    assert client.get("/api/v1/statistics", {"measure": "nothing"}).status_code == 400
    assert client.get("/api/v1/statistics", {"by": "exploitation"}).status_code == 400


def test_the_page_works_with_no_figures_at_all(client, db):
    assert client.get("/statistics/").status_code == 200
    assert client.get("/api/v1/statistics").status_code == 200


def test_the_page_reads_its_figures_in_a_few_queries(
    client, figures, django_assert_max_num_queries
):
    # Before the first `refresh_aggregates`: a snapshot lookup and a query or two per
    # source (four configured), and the places.
    with django_assert_max_num_queries(14):
        assert client.get("/statistics/", {"place": "XV"}).status_code == 200
    # Then from the cache.
    with django_assert_max_num_queries(0):
        assert client.get("/statistics/", {"place": "XV"}).status_code == 200


@override_settings(VIGIL_RATE_LIMIT=1)
def test_the_page_is_rate_limited(client, db):
    for _ in range(5):
        client.get("/statistics/")
    assert client.get("/statistics/").status_code == 429
