"""The read-only JSON API for partners' business intelligence tools (issue 15), under /api/."""
