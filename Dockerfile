# Slim image for the web (daphne), worker and beat processes; docker-compose.yml picks the command.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .
RUN useradd --create-home --uid 10001 chatbet \
    && mkdir -p /app/staticfiles /app/.run \
    && DEBUG=true python manage.py collectstatic --no-input -v 0 \
    && chown -R chatbet:chatbet /app
USER chatbet

EXPOSE 8000
CMD ["daphne", "-b", "0.0.0.0", "-p", "8000", "--proxy-headers", "chatbet_site.asgi:application"]
