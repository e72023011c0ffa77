FROM python:3.12-slim
RUN pipx install black
