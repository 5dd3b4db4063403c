# The velferd image: the app server (gunicorn) by default, the task worker with
# `velferd worker`. Built from the same lock as development; static files are collected into
# the image and served by WhiteNoise, so it needs no proxy of its own (README, "Production").
FROM python:3.11-slim-bookworm AS build
# gettext compiles the Norwegian translations (.mo files are built, not kept in git).
RUN apt-get update && apt-get install -y --no-install-recommends gettext \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY requirements.lock pyproject.toml README.md ./
RUN python -m venv /venv && /venv/bin/pip install --no-cache-dir -r requirements.lock
COPY src ./src
# Compiled before the package is installed, so that the .mo files go into it.
RUN cd src/velferd && /venv/bin/python -m django compilemessages -v0 \
      --settings=velferd.settings.test \
 && /venv/bin/pip install --no-cache-dir --no-deps /src

FROM python:3.11-slim-bookworm
RUN useradd --system --uid 1069 --home /app velferd
COPY --from=build /venv /venv
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
