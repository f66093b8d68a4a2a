# A thin wrapper of the commands `make smoke` proves: bin/run build at build time; bin/run web|worker|scheduler|release
# as the container's command. It cannot be built on the project's own machines (no image registry there).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# pg_dump/pg_restore for `manage.py backup`; gettext for compiled translations.
RUN apt-get update \
 && apt-get install --yes --no-install-recommends postgresql-client gettext \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 1000 app

WORKDIR /app
COPY pyproject.toml README.md ./
# The runtime dependencies only (no dev tools), with Sentry's client for SENTRY_DSN.
RUN pip install ".[sentry]"
COPY --chown=app:app . .
# Build-time settings only: nothing here reaches the running containers.
RUN SECRET_KEY=build-only DATABASE_URL=sqlite:////tmp/build.sqlite3 bin/run build && rm -f /tmp/build.sqlite3

USER app
ENV PORT=8000 MEDIA_ROOT=/app/media
EXPOSE 8000
CMD ["bin/run", "web"]
