# Images for Lodestar in production (docker-compose.yml). Not built on the build machines, which
# have no Docker engine; `make lint` checks the compose file that uses it.

# --- Hunspell dictionaries from Debian, the same files scripts/services installs locally.
FROM debian:bookworm-slim AS dictionaries
RUN apt-get update \
 && apt-get install -y --no-install-recommends hunspell-en-us hunspell-fr hunspell-es \
 && mkdir -p /dictionaries/en_US /dictionaries/fr_FR /dictionaries/es_ES \
 && cp -L /usr/share/hunspell/en_US.aff /usr/share/hunspell/en_US.dic /dictionaries/en_US/ \
 && cp -L /usr/share/hunspell/fr.aff /dictionaries/fr_FR/fr_FR.aff \
 && cp -L /usr/share/hunspell/fr.dic /dictionaries/fr_FR/fr_FR.dic \
 && cp -L /usr/share/hunspell/es_ES.aff /usr/share/hunspell/es_ES.dic /dictionaries/es_ES/

# --- Elasticsearch: the official image, same version as local and CI, plus the dictionaries.
FROM docker.elastic.co/elasticsearch/elasticsearch:8.19.21 AS elasticsearch
COPY --from=dictionaries --chown=elasticsearch:root /dictionaries/ /usr/share/elasticsearch/config/hunspell/

# --- The interface's translations, compiled by GNU msgfmt as `make install` does locally.
FROM debian:bookworm-slim AS catalogues
RUN apt-get update && apt-get install -y --no-install-recommends gettext
COPY locale/ /locale/
RUN for po in /locale/*/LC_MESSAGES/django.po; do msgfmt --check-format --output-file="${po%.po}.mo" "$po"; done

# --- Web, worker, beat and migrate: one image, four commands.
FROM python:3.11-slim-bookworm AS app
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=lodestar.settings.production \
    PATH=/app/.venv/bin:$PATH
RUN useradd --create-home --uid 1000 lodestar \
 && apt-get update && apt-get install -y --no-install-recommends libjpeg62-turbo zlib1g \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Dependencies first, from the pins alone: this layer is rebuilt when they change, not on every
# edit of the source below.
COPY pyproject.toml ./
COPY requirements/ requirements/
RUN python -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies'], sep='\n')" \
    > /tmp/requirements.txt \
 && python -m venv .venv \
 && .venv/bin/pip install --no-cache-dir -c requirements/constraints.txt -r /tmp/requirements.txt
COPY README.md manage.py ./
COPY site/ site/
COPY cases/ cases/
COPY forum/ forum/
COPY search/ search/
COPY saved_searches/ saved_searches/
COPY templates/ templates/
COPY deploy/ deploy/
COPY --from=catalogues /locale/ locale/
RUN .venv/bin/pip install --no-cache-dir --no-deps -e . \
 && SECRET_KEY=collectstatic-only ALLOWED_HOSTS=x DATABASE_URL=postgres://x/x REDIS_URL=redis://x \
    ELASTICSEARCH_URL=http://x WAGTAILADMIN_BASE_URL=http://x python manage.py collectstatic --noinput \
 && mkdir -p /app/media && chown lodestar /app/media
USER lodestar
EXPOSE 8000
CMD ["gunicorn", "-c", "deploy/gunicorn.conf.py"]

# --- The proxy: nginx from Debian's packages, the same template and static files as the stack
# test (tests/deploy/); media comes from the shared volume, sent only after Django's permission check.
FROM debian:bookworm-slim AS proxy
RUN apt-get update \
 && apt-get install -y --no-install-recommends nginx-light openssl python3 \
 && rm -rf /var/lib/apt/lists/*
COPY deploy/nginx.conf.template deploy/render-nginx-conf deploy/proxy-entrypoint /deploy/
COPY --from=app /app/static_collected /app/static_collected
EXPOSE 80 443
CMD ["/deploy/proxy-entrypoint"]
