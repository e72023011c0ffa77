FROM localhost:5000/myapp
CMD ["app"]
