FROM python:3.12-slim
ONBUILD RUN pip install flask
