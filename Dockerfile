# Production image: gunicorn + whitenoise; the same image runs the Celery worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    DJANGO_DEBUG=0 STATIC_ROOT=/app/staticfiles MEDIA_ROOT=/data/media

# WeasyPrint needs Pango; fonts come from static/ (Fira Sans), never from the web.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 curl \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md LICENSE ./
RUN pip install --no-cache-dir .
COPY . .
RUN SECRET_KEY=build-only-build-only-build-only-build-only-build-only ALLOWED_HOSTS=build \
    python manage.py collectstatic --noinput \
 && useradd --system --uid 1000 pik && mkdir -p /data/media && chown -R pik /data
USER pik

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD curl -fsS http://127.0.0.1:8000/healthz || exit 1
CMD ["gunicorn", "pik_portal.wsgi:application", "--config", "deploy/gunicorn.conf.py"]
