FROM python:3.12-slim
WORKDIR /app
ENTRYPOINT python app.py
CMD ["--port", "80"]
