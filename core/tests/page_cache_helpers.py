"""For tests of which pages the page cache keeps (the `page_cache_on` fixture is in conftest.py)."""


def second_visit_is_a_hit(client, url) -> bool:
    """Visit `url` twice; whether the second answer came from the page cache."""
    assert client.get(url).status_code == 200, url
    return client.get(url).get("X-Page-Cache") == "hit"
