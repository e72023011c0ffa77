FROM debian:12
RUN (cd /tmp && make) && echo "$(sudo id)"
