FROM python
RUN apt-get update
RUN apt-get install -y gcc
RUN pip install -r requirements.txt
COPY . .
CMD python main.py
