"""Demo data for `manage.py load_demo`: two partnerships, held as plain Python data.

`herefordshire` and `hertfordshire` describe a partnership each (agencies,
invented people, groups, memberships, demo users); `loader` writes one of them
into the database through the governance services.
"""
