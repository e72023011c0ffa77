FROM debian:12
RUN echo a
ENV X=1
RUN echo b
