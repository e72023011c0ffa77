FROM debian:12
RUN echo a
# a comment
RUN echo b
