"""The people API: estimated ages, forgiving search and merging."""

from msp.cases.models import Case
from tests.people.test_merge import two_records


def test_api_adds_a_person_with_an_estimated_age_and_searches_fuzzily(api, practitioner):
    client = api(practitioner)
    body = {"given_name": "Zoë", "family_name": "Boothroyd"}
    refused = client.post("/people", body)
    assert refused.status_code == 422
    assert "estimated age" in refused.content.decode()
    made = client.post("/people", {**body, "estimated_age": 84})
    assert made.status_code == 201, made.content
    assert (made.json()["age"], made.json()["date_of_birth_estimated"]) == (84, True)
    found = client.get("/people", q="zoe boothroid").json()
    assert [p["full_name"] for p in found["items"]] == ["Zoë Boothroyd"]
    assert found["more"] is False


def test_api_merge(api, lead, practitioner, outsider):
    kept, merged, case = two_records(practitioner, outsider)
    path = f"/people/{kept.pk}/merge"
    refused = api(practitioner).post(path, {"merged_person_id": merged.pk, "reason": "Same"})
    assert refused.status_code == 404  # the other record is not theirs to see
    response = api(lead).post(path, {"merged_person_id": merged.pk, "reason": "Same GP letter"})
    assert response.status_code == 200, response.content
    assert Case.objects.get(pk=case.pk).person_id == kept.pk
    again = api(lead).post(path, {"merged_person_id": merged.pk, "reason": "Same GP letter"})
    assert again.status_code == 404
