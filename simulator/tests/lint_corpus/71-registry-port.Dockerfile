FROM localhost:5000/base:1.0 AS a
FROM localhost:5000/myapp
