# syntax=docker/dockerfile:1
# The intake bot: slim, non-root, the NER extra installed, catalogs compiled at build.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml setup.py README.md babel.cfg ./
COPY bot ./bot
COPY flows ./flows
COPY locales ./locales
RUN python -m venv /opt/venv \
    && /opt/venv/bin/pip install ".[ner]" \
    && /opt/venv/bin/pybabel compile -d locales

FROM python:3.11-slim
RUN groupadd --system --gid 10001 intake \
    && useradd --system --uid 10001 --gid intake --home-dir /app --shell /usr/sbin/nologin intake \
    && mkdir /data /keys \
    && chown 10001:10001 /data /keys \
    && chmod 700 /data /keys
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY --from=build /src/locales ./locales
COPY flows ./flows
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    INTAKE_DATA_DIR=/data \
    INTAKE_FLOWS_DIR=/app/flows \
    INTAKE_LOCALES_DIR=/app/locales
VOLUME ["/data"]
USER 10001:10001
EXPOSE 8080
# The start period covers loading the NER models (some 10-20 s) before the bot serves.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["intake-bot", "health"]
CMD ["intake-bot", "run"]
