FROM ubuntu
CMD ["bash"]
