FROM debian:12
USER root
CMD ["bash"]
