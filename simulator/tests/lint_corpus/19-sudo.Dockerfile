FROM debian:12
RUN sudo rm -rf /tmp/x
