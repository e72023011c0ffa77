FROM debian:12
ADD app.py /app/
ADD https://example.com/x.tar.gz /tmp/
ADD vendor.tar.gz /opt/
