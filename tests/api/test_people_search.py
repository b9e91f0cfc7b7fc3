"""The people API: estimated ages and forgiving search."""


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
