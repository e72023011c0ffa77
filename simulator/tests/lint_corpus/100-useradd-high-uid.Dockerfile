FROM debian:12
RUN useradd -u 100000000 app
RUN useradd -l -u 100000000 other
