FROM debian:12
RUN echo a
RUN echo b && echo c
RUN echo d
