"""gunicorn reads this file from the directory it starts in (the Dockerfile's and bench/run's)."""

import logging


def post_worker_init(worker):
    """Each worker makes the catalogue's in-memory indexes before it takes its first request."""
    from django.db import DatabaseError, connection

    from activities.selectors import warm_catalogue

    try:
        warm_catalogue()
    except DatabaseError:
        # The worker still starts: /healthz reports the database, and a request makes the indexes.
        logging.getLogger(__name__).exception("Could not make the catalogue's indexes at start")
    finally:
        connection.close()
