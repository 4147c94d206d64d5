"""Who gets what from each dashboards page and API endpoint, by name (core.access; checked by
hscp/tests/test_permission_matrix.py). The matrix's groups are subgroups, so none of its
members, chairs or ended members sits on the board."""

from core.access import rule

# The partner dashboard and the records behind its figures: partner readers, the staff (and
# board members, whom the matrix's world has none of).
PARTNER_DASHBOARD = rule(
    "partner readers, board members and the staff", default=403, partner=200, secretariat=200, admin=200
)

# The read-only API: the same people, by token or by their session; without either, 401.
API_READERS = PARTNER_DASHBOARD.but("the API: partner readers, board members and the staff", anonymous=401)
# The OpenAPI schema describes the endpoints, not their data: anyone may read it.
API_SCHEMA = rule("the API's schema: anyone", default=200, anonymous=200)
