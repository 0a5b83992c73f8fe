# Production image: gunicorn behind a load balancer, static files by whitenoise, PostgreSQL via DATABASE_URL.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=portal.settings_production \
    PORT=8000

WORKDIR /app
COPY requirements.txt .
# Pango and a font for WeasyPrint (beschikkingen as PDF).
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
# collectstatic needs a secret key to import the settings; this one is thrown away with the layer.
RUN SECRET_KEY=build-only-$(python -c 'import secrets; print(secrets.token_urlsafe(50))') \
    python manage.py collectstatic --no-input \
 && useradd --system --uid 10001 portal
USER portal

EXPOSE 8000
CMD ["sh", "-c", "gunicorn portal.wsgi --bind 0.0.0.0:${PORT} --workers ${WEB_CONCURRENCY:-3} --access-logfile -"]
