FROM python:3.12-slim
RUN pip install --no-cache-dir -c constraints.txt requests
