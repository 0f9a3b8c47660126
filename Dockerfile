# Slim image for the web (daphne), worker and beat processes; docker-compose.yml picks the command.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY requirements.lock .
RUN pip install --require-hashes --no-deps -r requirements.lock

COPY . .
RUN useradd --create-home --uid 10001 chatbet \
    && mkdir -p /app/staticfiles /app/.run \
    && DEBUG=true python manage.py collectstatic --no-input -v 0 \
    && chown -R chatbet:chatbet /app
USER chatbet

EXPOSE 8000
# The web process answers /health/live; worker and beat override this in docker-compose.yml.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=4 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health/live', timeout=3)"]
CMD ["python", "-m", "chatbet_site.serve", "-b", "0.0.0.0", "-p", "8000", "chatbet_site.asgi:application"]
