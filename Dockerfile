# The velferd image: the app server (gunicorn) by default, the task worker with
# `velferd worker`. Built from the same lock as development; static files are collected into
# the image and served by WhiteNoise, so it needs no proxy of its own (README, "Production").
FROM python:3.11-slim-bookworm AS build
WORKDIR /src
COPY requirements.lock pyproject.toml README.md ./
COPY src ./src
RUN python -m venv /venv \
 && /venv/bin/pip install --no-cache-dir -r requirements.lock \
 && /venv/bin/pip install --no-cache-dir --no-deps . \
 && cd src/velferd && /venv/bin/python -m django compilemessages -v0 --settings=velferd.settings.test

FROM python:3.11-slim-bookworm
RUN useradd --system --uid 1069 --home /app velferd
COPY --from=build /venv /venv
COPY --from=build /src/src/velferd/locale /venv/lib/python3.11/site-packages/velferd/locale
ENV PATH=/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=velferd.settings.production \
    VELFERD_VAR_DIR=/app/var
WORKDIR /app
# collectstatic needs the settings' required variables, not their real values.
RUN mkdir -p /app/var && VELFERD_SECRET_KEY=build VELFERD_PSEUDONYM_KEY=build \
    velferd collectstatic --no-input -v0 && chown -R velferd /app
USER velferd
EXPOSE 8080
CMD ["gunicorn", "-c", "python:velferd.project.gunicorn_conf", "velferd.wsgi", \
     "--access-logfile", "-"]
