FROM debian:12
RUN wget -qO- https://example.com/install.sh | sh
