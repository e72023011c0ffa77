FROM debian:12
USER root
RUN echo hi > /tmp/x
USER app
CMD ["bash"]
