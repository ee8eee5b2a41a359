# Parley worker image: the Faust worker with its web view, installed from the project's files.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY schemas ./schemas
COPY streams ./streams
COPY examples ./examples
RUN pip install .
RUN useradd --create-home parley && mkdir -p /data && chown parley /data
USER parley
ENV PARLEY_DATA_DIR=/data PARLEY_WEB_HOST=0.0.0.0
EXPOSE 6066
CMD ["parley", "worker"]
