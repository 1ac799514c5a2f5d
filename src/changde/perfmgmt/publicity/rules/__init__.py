"""Plain-Python rules of the publicity module (nothing of Zope): one file per
topic.

- :mod:`.public_forms`: what a public form accepts (text, honeypot, the
  per-address rate limit);
- :mod:`.training`: sign-up and feedback windows, rating averages,
  attendance by district and unit;
- :mod:`.listings`: years, kinds, upcoming and past, the publicity record's
  counts.
"""
